/**
 * State the socket layer must share between processes: who is online, and rate-limit
 * counters. In-process maps by default; Redis when REDIS_URL is set, so several processes
 * behind a load balancer agree. Pure of Nest so it can be reasoned about on its own.
 */
export abstract class SharedState {
  /** Records (or refreshes) a connected socket of a user; it counts as online until `ttlMs` passes. */
  abstract touch(userId: string, socketId: string, ttlMs: number): Promise<void>;
  abstract remove(userId: string, socketId: string): Promise<void>;
  /** Which of these users have at least one live socket anywhere. */
  abstract onlineAmong(userIds: readonly string[]): Promise<string[]>;
  /** Counts one hit on `key` in the current fixed window; returns the count so far in it. */
  abstract hit(key: string, windowMs: number): Promise<number>;
  abstract close(): Promise<void>;
}

export class MemoryState extends SharedState {
  private readonly sockets = new Map<string, Map<string, number>>();
  private readonly counters = new Map<string, { window: number; count: number }>();

  async touch(userId: string, socketId: string, ttlMs: number): Promise<void> {
    let mine = this.sockets.get(userId);
    if (!mine) this.sockets.set(userId, (mine = new Map()));
    mine.set(socketId, Date.now() + ttlMs);
  }

  async remove(userId: string, socketId: string): Promise<void> {
    const mine = this.sockets.get(userId);
    mine?.delete(socketId);
    if (mine?.size === 0) this.sockets.delete(userId);
  }

  async onlineAmong(userIds: readonly string[]): Promise<string[]> {
    const now = Date.now();
    return userIds.filter((id) => [...(this.sockets.get(id)?.values() ?? [])].some((expiry) => expiry > now));
  }

  async hit(key: string, windowMs: number): Promise<number> {
    const window = Math.floor(Date.now() / windowMs);
    const entry = this.counters.get(key);
    if (!entry || entry.window !== window) {
      // Drop stale counters now and then so the map cannot grow without bound.
      if (this.counters.size > 10_000) {
        for (const [k, v] of this.counters) if (v.window !== window) this.counters.delete(k);
      }
      this.counters.set(key, { window, count: 1 });
      return 1;
    }
    return ++entry.count;
  }

  async close(): Promise<void> {
    this.sockets.clear();
    this.counters.clear();
  }
}

/** The few Redis calls we need, so this file does not depend on a client library's types. */
export interface RedisCommands {
  sendCommand(args: string[]): Promise<unknown>;
}

const PREFIX = 'auzolan:';

/**
 * Presence: one sorted set per user, members = socket ids, scores = expiry times. A process
 * that dies stops refreshing its sockets, so they drop out within the TTL.
 * Rate limits: INCR on a per-window key that expires with the window.
 */
export class RedisState extends SharedState {
  constructor(
    private readonly redis: RedisCommands,
    private readonly quit: () => Promise<void>,
  ) {
    super();
  }

  private key(userId: string): string {
    return `${PREFIX}presence:${userId}`;
  }

  async touch(userId: string, socketId: string, ttlMs: number): Promise<void> {
    const key = this.key(userId);
    await Promise.all([
      this.redis.sendCommand(['ZADD', key, String(Date.now() + ttlMs), socketId]),
      this.redis.sendCommand(['PEXPIRE', key, String(ttlMs)]),
    ]);
  }

  async remove(userId: string, socketId: string): Promise<void> {
    await this.redis.sendCommand(['ZREM', this.key(userId), socketId]);
  }

  async onlineAmong(userIds: readonly string[]): Promise<string[]> {
    const now = String(Date.now());
    const counts = await Promise.all(
      userIds.map((id) => this.redis.sendCommand(['ZCOUNT', this.key(id), now, '+inf'])),
    );
    return userIds.filter((_, i) => Number(counts[i]) > 0);
  }

  async hit(key: string, windowMs: number): Promise<number> {
    const window = Math.floor(Date.now() / windowMs);
    const k = `${PREFIX}rl:${key}:${window}`;
    const [count] = await Promise.all([
      this.redis.sendCommand(['INCR', k]),
      this.redis.sendCommand(['PEXPIRE', k, String(windowMs * 2)]),
    ]);
    return Number(count);
  }

  async close(): Promise<void> {
    await this.quit();
  }
}
