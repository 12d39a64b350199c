import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import { rooms, ServerToClientEvents } from './events';

type EventName = keyof ServerToClientEvents;
type Payload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

/**
 * How features push realtime events without knowing about sockets. It knows nothing of
 * features either: callers say which room and which typed event. The socket gateway
 * attaches the socket.io server at start-up; with a Redis adapter the same emit reaches
 * every process.
 */
@Injectable()
export class RealtimePublisher {
  private server: Server | null = null;

  attach(server: Server): void {
    this.server = server;
  }

  toUser<E extends EventName>(userId: string, event: E, payload: Payload<E>): void {
    this.emit(rooms.user(userId), event, payload);
  }

  toGroup<E extends EventName>(groupId: string, event: E, payload: Payload<E>): void {
    this.emit(rooms.groupAudience(groupId), event, payload);
  }

  private emit<E extends EventName>(room: string | string[], event: E, payload: Payload<E>): void {
    // Before the gateway starts nobody is connected, so there is nobody to tell.
    (this.server?.to(room) as { emit(event: string, payload: unknown): void } | undefined)?.emit(event, payload);
  }
}
