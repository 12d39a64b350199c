import type { Server, Socket } from 'socket.io';
import type { Actor } from '../auth/actor';
import type { ArrivalOrder } from './arrival-order';
import type { ClientToServerEvents, ServerToClientEvents } from './events';
import type { TokenBucket } from './handshake';

/** What each socket carries once admitted (admission.ts sets it). */
export interface SocketData {
  actor: Actor;
  token: string;
  checkedAt: number;
  /** The session re-check in flight, shared by the events that arrive while it runs. */
  recheck?: Promise<Actor | null>;
  bucket: TokenBucket;
  /** The line that keeps this socket's `inOrder` events in arrival order (see SocketDispatcher.handle()). */
  arrival: ArrivalOrder;
}
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
