import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { isAdmin } from '../auth/actor';
import type { SessionRevoked, SessionsRevoked, UserDeactivated, UserRoleChanged } from '../auth/auth.events';
import { SESSION_COOKIE } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import { AppError } from '../common/errors';
import { toAppError } from '../common/error-mapping';
import { tooDeep, valueTooDeep } from '../common/json-body';
import { LIMITS } from '../common/limits';
import { AppConfig } from '../config/config';
import { DomainEvents } from '../domain-events/domain-events';
import type { MembershipChanged } from '../groups/group.events';
import type { ClientToServerEvents, SocketError } from './events';
import { rooms } from './events';
import { ArrivalOrder, NO_TURN, Turn } from './arrival-order';
import { cookieValue, originAllowed, payloadBytes, TokenBucket } from './handshake';
import { object, uuid } from './payload';
import { Presence } from './presence';
import { RealtimePublisher } from './realtime.publisher';
import { REALTIME_LIMITS } from './realtime.limits';
import { openSharedState } from './redis';
import { SharedState } from './shared-state';
import type { AppServer, AppSocket } from './socket';

/** What a handler answers: the ack body, and what to broadcast once the ack is sent. */
export interface HandlerResult {
  ack: Record<string, unknown>;
  after?: () => void | Promise<void>;
}
/** `turn` is this event's place in the socket's line; only `inOrder` handlers need to wait for it. */
export type SocketHandler = (socket: AppSocket, payload: unknown, turn: Turn) => Promise<HandlerResult>;
interface Registered {
  handler: SocketHandler;
  inOrder: boolean;
}

/**
 * THE socket.io server: one per process, on the same port as HTTP. It owns the connection:
 * origin check, handshake auth, user/session/group rooms, presence, per-socket and
 * per-user rate limits, payload limits, and revocation. Features (channels) register their
 * event handlers with `handle()`; each handler checks GroupsPolicy itself.
 */
@Injectable()
export class RealtimeGateway implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('realtime');
  private readonly handlers = new Map<string, Registered>();
  private io: AppServer | null = null;
  private state: SharedState | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private closing = false;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly presence: Presence,
    private readonly publisher: RealtimePublisher,
    events: DomainEvents,
  ) {
    events.onAfterCommit('session.revoked', (e) => this.onSessionRevoked(e));
    events.onAfterCommit('user.deactivated', (e) => this.onUserDeactivated(e));
    events.onAfterCommit('sessions.revoked', (e) => this.onSessionsRevoked(e));
    events.onAfterCommit('user.roleChanged', (e) => this.onUserRoleChanged(e));
    events.onAfterCommit('membership.changed', (e) => this.onMembershipChanged(e));
    this.handle('presence:get', async (socket, payload) => {
      const groupId = uuid(object(payload, ['groupId']), 'groupId');
      return { ack: { groupId, online: await this.presence.get(socket.data.actor, groupId) } };
    });
  }

  get server(): AppServer {
    if (!this.io) throw new Error('the socket server is not started');
    return this.io;
  }

  /**
   * Registers a client → server event; call before the application boots (onModuleInit).
   * `inOrder` events of one socket take a turn on arrival: a handler that awaits `turn.wait()`
   * passes that point only after the earlier ones have called `done()` (or finished).
   */
  handle(event: keyof ClientToServerEvents, handler: SocketHandler, options: { inOrder?: boolean } = {}): void {
    this.handlers.set(event, { handler, inOrder: options.inOrder ?? false });
  }

  async onApplicationBootstrap(): Promise<void> {
    const httpServer = this.adapterHost.httpAdapter.getHttpServer() as HttpServer;
    const shared = await openSharedState(this.config.redisUrl);
    this.state = shared.state;
    const io: AppServer = new Server(httpServer, {
      path: '/socket.io',
      serveClient: false,
      // Compression costs CPU and memory per socket, and mixes secrets with attacker text (CRIME-style).
      perMessageDeflate: false,
      httpCompression: false,
      maxHttpBufferSize: REALTIME_LIMITS.maxPacketBytes,
      pingInterval: 20_000,
      pingTimeout: 20_000,
      // Polling from an allowed other origin needs CORS; same-origin needs none.
      cors: this.config.allowedOrigins.length
        ? { origin: [...this.config.allowedOrigins], credentials: true }
        : undefined,
    });
    if (shared.adapter) io.adapter(shared.adapter);
    io.use((socket, next) => {
      this.admit(socket as AppSocket).then(
        () => next(),
        (e: unknown) => {
          const error = toAppError(e);
          next(Object.assign(new Error(error.message), { data: { code: error.code } }));
        },
      );
    });
    io.on('connection', (socket) => void this.connected(socket as AppSocket));
    this.io = io;
    this.presence.attach(io, this.state);
    this.publisher.attach(io as unknown as Server);
    this.heartbeat = setInterval(() => void this.refreshPresence(), REALTIME_LIMITS.presenceTtlMs / 3);
    this.heartbeat.unref();
    this.logger.log(`socket.io ready (${this.config.redisUrl ? 'Redis adapter' : 'in-process rooms'})`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    const io = this.io;
    if (!io) return;
    const local = [...io.of('/').sockets.values()];
    await Promise.all(local.map((s) => this.state?.remove(s.data.actor.id, s.id).catch(() => undefined)));
    io.local.disconnectSockets(true);
    io.engine.close();
    await this.state?.close().catch(() => undefined);
  }

  /** Origin, then token (auth.token or the session cookie). Runs before any event is accepted. */
  private async admit(socket: AppSocket): Promise<void> {
    const { headers, auth } = socket.handshake;
    const origin = typeof headers.origin === 'string' ? headers.origin : undefined;
    if (!originAllowed(origin, headers.host, this.config.allowedOrigins)) {
      throw new AppError('forbidden', `Connections from origin ${origin} are not allowed`);
    }
    const fromAuth = typeof auth?.token === 'string' ? (auth.token as string) : null;
    const token = fromAuth ?? cookieValue(headers.cookie, SESSION_COOKIE);
    if (!token) throw new AppError('unauthenticated', 'Sign in first: send auth.token or the session cookie');
    const actor = await this.auth.authenticate(token);
    if (!actor) throw new AppError('unauthenticated', 'Your session has ended; sign in again');
    socket.data = {
      actor,
      token,
      checkedAt: Date.now(),
      bucket: new TokenBucket(REALTIME_LIMITS.socketBurst, REALTIME_LIMITS.socketPerSecond),
      arrival: new ArrivalOrder(),
    };
  }

  private async connected(socket: AppSocket): Promise<void> {
    const { actor } = socket.data;
    // The handshake has copied what we use (headers, address); the upgrade request and what it
    // holds on to need not live as long as the socket (socket.io's memory-usage advice).
    (socket.conn as unknown as { request: unknown }).request = null;
    for (const [event, { handler, inOrder }] of this.handlers) {
      socket.on(event as 'typing', (payload: unknown, ack?: unknown) => {
        // The turn is taken here, synchronously, so it follows the order the events arrived in.
        const turn = inOrder ? socket.data.arrival.take() : NO_TURN;
        void this.dispatch(socket, handler, payload, ack, turn);
      });
    }
    socket.on('disconnect', () => void this.disconnected(socket));
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

  private async disconnected(socket: AppSocket): Promise<void> {
    if (this.closing) return;
    await this.presence.disconnected(socket).catch((e: unknown) => {
      this.logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'presence update failed');
    });
  }

  /** Runs one event: size, rate, session checks, then the handler; persist → ack → broadcast. */
  private async dispatch(
    socket: AppSocket,
    handler: SocketHandler,
    payload: unknown,
    ack: unknown,
    turn: Turn,
  ): Promise<void> {
    const reply = typeof ack === 'function' ? (ack as (body: unknown) => void) : () => undefined;
    let after: HandlerResult['after'];
    try {
      await this.guard(socket, payload);
      const result = await handler(socket, payload, turn);
      after = result.after;
      reply({ ok: true, ...result.ack });
    } catch (e) {
      const error = toAppError(e);
      if (error.status >= 500) {
        this.logger.error({ err: e instanceof Error ? e.stack : String(e) }, 'socket event failed');
      }
      reply({ ok: false, error: { code: error.code, message: error.message } satisfies SocketError });
      return;
    } finally {
      turn.done(); // a handler that failed before its turn must not hold up the events behind it
    }
    try {
      await after?.();
    } catch (e) {
      this.logger.error({ err: e instanceof Error ? e.stack : String(e) }, 'broadcast failed');
    }
  }

  private async guard(socket: AppSocket, payload: unknown): Promise<void> {
    // Before anything that recurses (payloadBytes stringifies): the same depth limit as HTTP bodies.
    if (valueTooDeep(payload, LIMITS.jsonDepth)) throw tooDeep('payload');
    if (payloadBytes(payload) > REALTIME_LIMITS.maxEventBytes) {
      throw new AppError('payload_too_large', `An event may carry at most ${REALTIME_LIMITS.maxEventBytes} bytes`);
    }
    if (!socket.data.bucket.take()) {
      throw new AppError('rate_limited', 'Too many events from this connection; slow down');
    }
    const count = await this.state!.hit(`user:${socket.data.actor.id}`, REALTIME_LIMITS.userWindowMs);
    if (count > REALTIME_LIMITS.userPerWindow) {
      throw new AppError('rate_limited', 'Too many events from your account; slow down');
    }
    // Revocation is pushed (see below); this re-check is the backstop for expiry and missed events.
    if (socket.data.recheck || Date.now() - socket.data.checkedAt > REALTIME_LIMITS.sessionRecheckMs) {
      // One lookup per socket and interval: the events that arrive meanwhile wait for the same answer.
      socket.data.recheck ??= this.auth.authenticate(socket.data.token).finally(() => {
        socket.data.recheck = undefined;
        socket.data.checkedAt = Date.now();
      });
      const actor = await socket.data.recheck;
      if (!actor) {
        setImmediate(() => socket.disconnect(true));
        throw new AppError('unauthenticated', 'Your session has ended; sign in again');
      }
      socket.data.actor = actor;
    }
  }

  private async refreshPresence(): Promise<void> {
    if (!this.io || this.closing) return;
    await Promise.all(
      [...this.io.of('/').sockets.values()].map((s) =>
        this.state!.touch(s.data.actor.id, s.id, REALTIME_LIMITS.presenceTtlMs),
      ),
    ).catch((e: unknown) => this.logger.warn({ err: String(e) }, 'presence refresh failed'));
  }

  // ------------------------------------------------------------------ revocation

  /** Logout: every socket opened with that session, on any process, is disconnected. */
  private onSessionRevoked(event: SessionRevoked): void {
    this.io?.in(rooms.session(event.sessionId)).disconnectSockets(true);
  }

  private onUserDeactivated(event: UserDeactivated): void {
    this.io?.in(rooms.user(event.userId)).disconnectSockets(true);
  }

  /**
   * A password change: every socket of that person, on any process, except those opened with
   * the session that made the change (an admin's reset keeps none).
   */
  private onSessionsRevoked(event: SessionsRevoked): void {
    const theirs = this.io?.in(rooms.user(event.userId));
    (event.keptSessionId ? theirs?.except(rooms.session(event.keptSessionId)) : theirs)?.disconnectSockets(true);
  }

  /** A person made admin receives every group's events at once; a former admin stops receiving them. */
  private onUserRoleChanged(event: UserRoleChanged): void {
    const theirs = this.io?.in(rooms.user(event.userId));
    if (isAdmin(event)) theirs?.socketsJoin(rooms.admins());
    else theirs?.socketsLeave(rooms.admins());
  }

  /** A member added joins the group room at once; a member removed leaves it (channels leave their own rooms). */
  private async onMembershipChanged(event: MembershipChanged): Promise<void> {
    const io = this.io;
    if (!io) return;
    const userRoom = rooms.user(event.userId);
    if (event.role === null) {
      io.in(userRoom).socketsLeave(rooms.group(event.groupId));
      io.to(userRoom).emit('access:revoked', { groupId: event.groupId });
    } else {
      io.in(userRoom).socketsJoin(rooms.group(event.groupId));
    }
    await this.presence.groupChanged(event.groupId);
  }
}
