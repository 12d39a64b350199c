import { randomUUID } from 'node:crypto';
import { io, Socket } from 'socket.io-client';
import type {
  Ack,
  ChannelJoinResult,
  ClientToServerEvents,
  MessageResult,
  MessageView,
  ServerToClientEvents,
} from '../../src/contract';

export type { MessageView };

type EventName = keyof ServerToClientEvents;
type Payload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

export interface ConnectOptions {
  token?: string;
  /** Sent as the Origin header, as a browser would. */
  origin?: string;
  cookie?: string;
}

const ACK_TIMEOUT_MS = 20_000;

/**
 * A socket.io client as the web client or a script would use it, recording every server
 * event so tests can wait for or inspect them.
 */
export class SocketClient {
  private readonly seen = new Map<string, unknown[]>();
  private readonly waiters: Array<{ event: string; test: (p: unknown) => boolean; resolve: (p: unknown) => void }> = [];
  disconnectReason: string | null = null;

  private constructor(readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>) {
    socket.onAny((event: string, payload: unknown) => {
      this.seen.set(event, [...(this.seen.get(event) ?? []), payload]);
      for (const w of [...this.waiters]) {
        if (w.event === event && w.test(payload)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(payload);
        }
      }
    });
    socket.on('disconnect', (reason) => (this.disconnectReason = reason));
  }

  static open(baseUrl: string, options: ConnectOptions): Socket<ServerToClientEvents, ClientToServerEvents> {
    const headers: Record<string, string> = {};
    if (options.origin) headers.origin = options.origin;
    if (options.cookie) headers.cookie = options.cookie;
    return io(baseUrl, {
      auth: options.token ? { token: options.token } : {},
      transports: ['websocket'],
      extraHeaders: headers,
      reconnection: false,
      forceNew: true,
      timeout: 20_000,
    });
  }

  static async connect(baseUrl: string, options: ConnectOptions | string): Promise<SocketClient> {
    const socket = SocketClient.open(baseUrl, typeof options === 'string' ? { token: options } : options);
    const client = new SocketClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (e) => reject(new Error(`connect_error: ${e.message}`)));
    });
    return client;
  }

  /** Tries to connect and returns the refusal: `{message, code}`, or null when it connected. */
  static async refusal(baseUrl: string, options: ConnectOptions): Promise<{ message: string; code?: string } | null> {
    const socket = SocketClient.open(baseUrl, options);
    return new Promise((resolve) => {
      socket.once('connect', () => {
        socket.close();
        resolve(null);
      });
      socket.once('connect_error', (e: Error & { data?: { code?: string } }) => {
        socket.close();
        resolve({ message: e.message, code: e.data?.code });
      });
    });
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /** Emits an event and resolves with its ack. */
  call<T = Record<string, unknown>>(event: keyof ClientToServerEvents, payload: unknown): Promise<Ack<T>> {
    const emit = this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck as unknown as (
      e: string,
      p: unknown,
    ) => Promise<Ack<T>>;
    return emit.call(this.socket.timeout(ACK_TIMEOUT_MS), event, payload);
  }

  join(channelId: string, afterSeq?: number): Promise<Ack<ChannelJoinResult>> {
    return this.call<ChannelJoinResult>(
      'channel:join',
      afterSeq === undefined ? { channelId } : { channelId, afterSeq },
    );
  }

  send(
    channelId: string,
    body: string,
    extra: { clientMsgId?: string; parentId?: string } = {},
  ): Promise<Ack<MessageResult>> {
    return this.call<MessageResult>('message:send', {
      channelId,
      body,
      clientMsgId: extra.clientMsgId ?? randomUUID(),
      ...extra,
    });
  }

  /** Sends and fails the test unless acked ok. */
  async post(
    channelId: string,
    body: string,
    extra: { clientMsgId?: string; parentId?: string } = {},
  ): Promise<MessageView> {
    const ack = await this.send(channelId, body, extra);
    if (!ack.ok) throw new Error(`send refused: ${ack.error.code} ${ack.error.message}`);
    return ack.message;
  }

  received<E extends EventName>(event: E): Array<Payload<E>> {
    return (this.seen.get(event) ?? []) as Array<Payload<E>>;
  }

  clear(): void {
    this.seen.clear();
  }

  /** Resolves with the first matching event, including one already received. */
  waitFor<E extends EventName>(
    event: E,
    test: (payload: Payload<E>) => boolean = () => true,
    timeoutMs = 20_000,
  ): Promise<Payload<E>> {
    const already = this.received(event).find(test);
    if (already !== undefined) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const waiter = { event, test: test as (p: unknown) => boolean, resolve: resolve as (p: unknown) => void };
      this.waiters.push(waiter);
      setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) {
          this.waiters.splice(i, 1);
          reject(new Error(`no ${event} event within ${timeoutMs} ms`));
        }
      }, timeoutMs).unref();
    });
  }

  /** Resolves once the server has disconnected this socket. */
  waitForDisconnect(timeoutMs = 20_000): Promise<string> {
    if (!this.socket.connected) return Promise.resolve(this.disconnectReason ?? 'disconnected');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`still connected after ${timeoutMs} ms`)), timeoutMs);
      timer.unref();
      this.socket.once('disconnect', (reason) => {
        clearTimeout(timer);
        resolve(reason);
      });
    });
  }

  close(): void {
    this.socket.close();
  }
}

/**
 * A round trip through the server on this socket: when its ack arrives, every broadcast the
 * server emitted to this socket before it has arrived too (one connection, in order).
 */
export async function settle(client: SocketClient, channelId: string): Promise<void> {
  await client.call('read', { channelId, seq: 0 });
}

export const seqs = (messages: Array<{ seq: number }>): number[] => messages.map((m) => m.seq);
export const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
