import { Injectable, Logger } from '@nestjs/common';
import { toAppError } from '../common/error-mapping';
import { NO_TURN, Turn } from './arrival-order';
import type { AckCallback, ClientToServerEvents, SocketError } from './events';
import { EventLimits } from './event-limits';
import { SessionRecheck } from './session-recheck';
import { PayloadClass, validatePayload } from './socket-validation';
import type { AppSocket } from './socket';

export type ClientEvent = keyof ClientToServerEvents;
/** The payload an event carries, as the event map declares it. */
export type ClientPayload<E extends ClientEvent> = Parameters<ClientToServerEvents[E]>[0];
/** What an event's ack carries besides `ok: true`, as the event map declares it. */
export type AckBody<E extends ClientEvent> =
  NonNullable<Parameters<ClientToServerEvents[E]>[1]> extends AckCallback<infer T extends object> ? T : never;

/** What a handler answers: the ack body, and what to broadcast once the ack is sent. */
export interface HandlerResult<A> {
  ack: A;
  after?: () => void | Promise<void>;
}
/** `turn` is this event's place in the socket's line; only `inOrder` handlers need to wait for it. */
export type SocketHandler<D, A> = (socket: AppSocket, payload: D, turn: Turn) => Promise<HandlerResult<A>>;

interface Registered {
  /** Validates the payload, then runs the handler (the types are checked where it is registered). */
  run: (socket: AppSocket, payload: unknown, turn: Turn) => Promise<HandlerResult<object>>;
  inOrder: boolean;
}

/**
 * Runs the client → server events: limits, the session re-check, the payload's DTO, then the
 * handler; persist → ack → broadcast. Features register their events here (through
 * RealtimeGateway.handle) before the application boots; each handler checks GroupsPolicy itself.
 */
@Injectable()
export class SocketDispatcher {
  private readonly logger = new Logger('realtime');
  private readonly handlers = new Map<ClientEvent, Registered>();

  constructor(
    private readonly limits: EventLimits,
    private readonly sessions: SessionRecheck,
  ) {}

  /**
   * Registers an event with the DTO class its payload must satisfy (a class that implements
   * the payload type of the event map, so the two cannot drift). `inOrder` events of one
   * socket take a turn on arrival: a handler that awaits `turn.wait()` passes that point only
   * after the earlier ones have called `done()` (or finished).
   */
  handle<E extends ClientEvent, D extends ClientPayload<E> & object>(
    event: E,
    dto: PayloadClass<D>,
    handler: SocketHandler<D, AckBody<E>>,
    options: { inOrder?: boolean } = {},
  ): void {
    this.handlers.set(event, {
      run: async (socket, payload, turn) => handler(socket, await validatePayload(dto, payload), turn),
      inOrder: options.inOrder ?? false,
    });
  }

  /** Listens for every registered event on a newly connected socket. */
  attach(socket: AppSocket): void {
    for (const [event, registered] of this.handlers) {
      socket.on(event as 'typing', (payload: unknown, ack?: unknown) => {
        // The turn is taken here, synchronously, so it follows the order the events arrived in.
        const turn = registered.inOrder ? socket.data.arrival.take() : NO_TURN;
        void this.dispatch(socket, registered, payload, ack, turn);
      });
    }
  }

  private async dispatch(
    socket: AppSocket,
    registered: Registered,
    payload: unknown,
    ack: unknown,
    turn: Turn,
  ): Promise<void> {
    const reply = typeof ack === 'function' ? (ack as (body: unknown) => void) : () => undefined;
    let after: HandlerResult<object>['after'];
    try {
      this.limits.checkPayload(payload);
      await this.limits.checkRate(socket);
      await this.sessions.ensureCurrent(socket);
      const result = await registered.run(socket, payload, turn);
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
}
