/**
 * Optimistic sending. A message shows at once as "sending" with a client-generated
 * `clientMsgId`; the server's ack replaces it with the stored message. If no ack comes within
 * the timeout the same `clientMsgId` is re-sent (the server answers the original message, never
 * a duplicate); after the automatic retries it is marked failed, and the person can retry or
 * discard it. Pending and failed messages are kept in storage, so a reload or an expired
 * session does not lose them.
 *
 * Pure TypeScript: the socket, clock, ids and storage are injected (unit-tested with Jest).
 */
export interface SendPayload {
  channelId: string;
  body: string;
  parentId?: string;
  clientMsgId: string;
}

export type SendAck<M> = { ok: true; message: M } | { ok: false; error: { code: string; message: string } };

/** Sends and waits for the ack; rejects when none comes within `timeoutMs`. */
export type SendTransport<M> = (payload: SendPayload, timeoutMs: number) => Promise<SendAck<M>>;

export interface PendingMessage {
  clientMsgId: string;
  channelId: string;
  parentId: string | null;
  body: string;
  createdAt: string;
  status: 'sending' | 'failed';
  attempts: number;
  /** Error code of the last failure: `timeout`, or the server's ack code. */
  error: string | null;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface OutboxOptions<M> {
  transport: SendTransport<M>;
  newId: () => string;
  now?: () => string;
  timeoutMs?: number;
  /** Extra automatic attempts after a timeout, before marking the message failed. */
  autoRetries?: number;
  storage?: KeyValueStore | null;
  storageKey?: string;
  /** Called with the stored message once the server acknowledged it. */
  onSent?: (message: M, pending: PendingMessage) => void;
}

/** Errors that a retry cannot fix: retrying would only fail again the same way. */
const PERMANENT = new Set(['forbidden', 'not_found', 'validation_failed', 'payload_too_large', 'conflict']);

export class Outbox<M> {
  private items = new Map<string, PendingMessage>();
  private listeners = new Set<() => void>();
  private readonly timeoutMs: number;
  private readonly autoRetries: number;
  private readonly now: () => string;
  private readonly storageKey: string;
  private snapshot: PendingMessage[] = [];

  constructor(private readonly opts: OutboxOptions<M>) {
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.autoRetries = opts.autoRetries ?? 1;
    this.now = opts.now ?? (() => new Date().toISOString());
    this.storageKey = opts.storageKey ?? 'auzolan:outbox';
    this.load();
  }

  /** Queues a message and starts sending it; returns its clientMsgId. */
  send(input: { channelId: string; body: string; parentId?: string | null }): string {
    const clientMsgId = this.opts.newId();
    this.put({
      clientMsgId,
      channelId: input.channelId,
      parentId: input.parentId ?? null,
      body: input.body,
      createdAt: this.now(),
      status: 'sending',
      attempts: 0,
      error: null,
    });
    void this.attempt(clientMsgId);
    return clientMsgId;
  }

  /** Re-sends a failed (or stuck) message with its original clientMsgId. */
  retry(clientMsgId: string): Promise<void> {
    const item = this.items.get(clientMsgId);
    if (!item) return Promise.resolve();
    this.put({ ...item, status: 'sending', error: null });
    return this.attempt(clientMsgId, true);
  }

  /** Messages left "sending" by a previous page load, or failed by a network drop: send again. */
  resumeAll(): Promise<void[]> {
    return Promise.all(
      [...this.items.values()]
        .filter((i) => i.status === 'sending' || i.error === 'timeout')
        .map((i) => this.retry(i.clientMsgId)),
    );
  }

  discard(clientMsgId: string): void {
    if (this.items.delete(clientMsgId)) this.changed();
  }

  /** The server's broadcast carried our clientMsgId: the send succeeded even if the ack was lost. */
  confirm(clientMsgId: string | null | undefined): void {
    if (clientMsgId && this.items.delete(clientMsgId)) this.changed();
  }

  /** Arrow properties, so React can call them unbound (useSyncExternalStore). */
  list = (): PendingMessage[] => this.snapshot;

  forChannel(channelId: string, parentId: string | null = null): PendingMessage[] {
    return this.snapshot.filter((i) => i.channelId === channelId && i.parentId === parentId);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  private async attempt(clientMsgId: string, manual = false): Promise<void> {
    let retriesLeft = manual ? 0 : this.autoRetries;
    for (;;) {
      const item = this.items.get(clientMsgId);
      if (!item) return; // confirmed by a broadcast or discarded meanwhile
      this.put({ ...item, attempts: item.attempts + 1 });
      const payload: SendPayload = { channelId: item.channelId, body: item.body, clientMsgId };
      if (item.parentId) payload.parentId = item.parentId;
      let ack: SendAck<M>;
      try {
        ack = await this.opts.transport(payload, this.timeoutMs);
      } catch {
        if (retriesLeft-- > 0) continue;
        this.fail(clientMsgId, 'timeout');
        return;
      }
      const current = this.items.get(clientMsgId);
      if (ack.ok) {
        if (current) {
          this.items.delete(clientMsgId);
          this.changed();
        }
        this.opts.onSent?.(ack.message, current ?? item);
        return;
      }
      if (!PERMANENT.has(ack.error.code) && ack.error.code !== 'rate_limited' && retriesLeft-- > 0) continue;
      this.fail(clientMsgId, ack.error.code);
      return;
    }
  }

  private fail(clientMsgId: string, code: string): void {
    const item = this.items.get(clientMsgId);
    if (item) this.put({ ...item, status: 'failed', error: code });
  }

  private put(item: PendingMessage): void {
    this.items.set(item.clientMsgId, item);
    this.changed();
  }

  private changed(): void {
    this.snapshot = [...this.items.values()];
    this.save();
    this.listeners.forEach((l) => l());
  }

  private load(): void {
    const raw = this.opts.storage?.getItem(this.storageKey);
    if (!raw) return;
    try {
      for (const i of JSON.parse(raw) as PendingMessage[]) this.items.set(i.clientMsgId, i);
    } catch {
      // a corrupt entry is dropped, not fatal
    }
    this.snapshot = [...this.items.values()];
  }

  private save(): void {
    this.opts.storage?.setItem(this.storageKey, JSON.stringify(this.snapshot));
  }
}
