import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server as HttpServer } from 'node:http';
import type { Server } from 'socket.io';
import { isAdmin } from '../auth/actor';
import { AppConfig } from '../config/config';
import { Admission } from './admission';
import { AckBody, ClientEvent, ClientPayload, SocketDispatcher, SocketHandler } from './dispatcher';
import { EventLimits } from './event-limits';
import { rooms } from './events';
import { Presence } from './presence';
import { RealtimePublisher } from './realtime.publisher';
import { openSharedState } from './redis';
import { Revocation } from './revocation';
import { SharedState } from './shared-state';
import { createSocketServer } from './socket-server';
import type { PayloadClass } from './socket-validation';
import type { AppServer, AppSocket } from './socket';

/**
 * THE socket.io server: one per process, on the same port as HTTP. This class only puts the
 * parts together and runs the connection's life: admission.ts decides who may connect,
 * dispatcher.ts runs the events (limits in event-limits.ts, the session re-check in
 * session-recheck.ts, payload DTOs in socket-validation.ts), presence.ts counts who is online,
 * revocation.ts applies the domain events to open sockets. Features register their events
 * with `handle()`.
 */
@Injectable()
export class RealtimeGateway implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('realtime');
  private io: AppServer | null = null;
  private state: SharedState | null = null;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: AppConfig,
    private readonly admission: Admission,
    private readonly dispatcher: SocketDispatcher,
    private readonly limits: EventLimits,
    private readonly presence: Presence,
    private readonly revocation: Revocation,
    private readonly publisher: RealtimePublisher,
  ) {}

  get server(): AppServer {
    if (!this.io) throw new Error('the socket server is not started');
    return this.io;
  }

  /** Registers a client → server event (see SocketDispatcher.handle); call before the application boots. */
  handle<E extends ClientEvent, D extends ClientPayload<E> & object>(
    event: E,
    dto: PayloadClass<D>,
    handler: SocketHandler<D, AckBody<E>>,
    options: { inOrder?: boolean } = {},
  ): void {
    this.dispatcher.handle(event, dto, handler, options);
  }

  async onApplicationBootstrap(): Promise<void> {
    const httpServer = this.adapterHost.httpAdapter.getHttpServer() as HttpServer;
    const shared = await openSharedState(this.config.redisUrl);
    this.state = shared.state;
    const io = createSocketServer(httpServer, this.config);
    if (shared.adapter) io.adapter(shared.adapter);
    io.use((socket, next) => this.admission.middleware(socket as AppSocket, next));
    io.on('connection', (socket) => void this.connected(socket as AppSocket));
    this.io = io;
    this.limits.attach(shared.state);
    this.presence.attach(io, shared.state);
    this.revocation.attach(io);
    this.publisher.attach(io as unknown as Server);
    this.logger.log(`socket.io ready (${this.config.redisUrl ? 'Redis adapter' : 'in-process rooms'})`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    const io = this.io;
    await this.presence.stop();
    if (!io) return;
    io.local.disconnectSockets(true);
    io.engine.close();
    await this.state?.close().catch(() => undefined);
  }

  private async connected(socket: AppSocket): Promise<void> {
    const { actor } = socket.data;
    // The handshake has copied what we use (headers, address); the upgrade request and what it
    // holds on to need not live as long as the socket (socket.io's memory-usage advice).
    (socket.conn as unknown as { request: unknown }).request = null;
    this.dispatcher.attach(socket);
    socket.on('disconnect', () => void this.presence.disconnected(socket));
    try {
      // Admins read every group, so they receive every group's events (rooms.groupAudience).
      await socket.join([
        rooms.user(actor.id),
        rooms.session(actor.sessionId),
        ...(isAdmin(actor) ? [rooms.admins()] : []),
      ]);
      await this.presence.connected(socket);
    } catch (e) {
      this.logger.error({ err: e instanceof Error ? e.stack : String(e) }, 'socket set-up failed');
      socket.disconnect(true);
    }
  }
}
