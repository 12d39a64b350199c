/**
 * A small in-memory cache with a hard bound: at most `maxEntries` entries, each living at
 * most `ttlMs` and never past its own expiry (a session's `expires_at`, say). Free of I/O and
 * framework so its rules are tested directly.
 *
 * Eviction is CLOCK (second chance), an approximation of least-recently-used: a hit only
 * marks its entry, and the oldest entry not hit since it was last passed over goes first.
 * Hits stay free of Map writes, which matters when every request makes two of them.
 *
 * Invalidation races: a load that started before an invalidation may have read the old row.
 * Every invalidation bumps an epoch, and `getOrLoad` stores what it loaded only when no
 * invalidation happened meanwhile (the caller still gets the value it loaded; the next
 * caller loads afresh).
 */
export interface BoundedCacheOptions<V> {
  maxEntries: number;
  /** Safety net: an entry is reloaded after this long even if no invalidation arrived. */
  ttlMs: number;
  /** An absolute expiry (ms since epoch) of its own for a value; at or before now means "do not store". */
  expiresAt?: (value: V) => number;
  /** While this answers false the cache neither serves nor stores (e.g. invalidations cannot reach us). */
  active?: () => boolean;
  now?: () => number;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
  used: boolean;
}

export class BoundedCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly loading = new Map<K, Promise<V>>();
  private epoch = 0;
  private readonly now: () => number;

  constructor(private readonly options: BoundedCacheOptions<V>) {
    if (!(options.maxEntries >= 1)) throw new Error('maxEntries must be at least 1');
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The live value, or undefined (missing, expired, or the cache is inactive). */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now() || !this.isActive()) {
      this.entries.delete(key);
      return undefined;
    }
    entry.used = true;
    return entry.value;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  set(key: K, value: V): void {
    if (!this.isActive()) return;
    const now = this.now();
    const own = this.options.expiresAt?.(value) ?? Infinity;
    const expiresAt = Math.min(now + this.options.ttlMs, own);
    if (expiresAt <= now) return;
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt, used: false });
    this.evict(key, now);
  }

  /**
   * The cached value, or the loader's (stored unless an invalidation overlapped the load).
   * Concurrent misses on one key share one load.
   */
  getOrLoad(key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.get(key);
    if (hit !== undefined) return Promise.resolve(hit);
    const pending = this.loading.get(key);
    if (pending) return pending;
    const epoch = this.epoch;
    const promise = load().then(
      (value) => {
        if (this.loading.get(key) === promise) this.loading.delete(key);
        if (this.epoch === epoch) this.set(key, value);
        return value;
      },
      (e: unknown) => {
        if (this.loading.get(key) === promise) this.loading.delete(key);
        throw e;
      },
    );
    this.loading.set(key, promise);
    return promise;
  }

  delete(key: K): void {
    this.invalidated();
    this.entries.delete(key);
  }

  /** Drops every entry the predicate selects; returns how many. */
  deleteWhere(select: (value: V, key: K) => boolean): number {
    this.invalidated();
    let dropped = 0;
    for (const [key, entry] of this.entries) {
      if (select(entry.value, key)) {
        this.entries.delete(key);
        dropped++;
      }
    }
    return dropped;
  }

  clear(): void {
    this.invalidated();
    this.entries.clear();
  }

  /**
   * Each turn evicts the oldest entry, or clears its mark and moves it to the end; the entry
   * just stored is passed over. Marks only get cleared, so the loop ends.
   */
  private evict(stored: K, now: number): void {
    while (this.entries.size > this.options.maxEntries) {
      const [key, entry] = this.entries.entries().next().value as [K, Entry<V>];
      this.entries.delete(key);
      if (key === stored || (entry.used && entry.expiresAt > now)) {
        entry.used = false;
        this.entries.set(key, entry);
      }
    }
  }

  private invalidated(): void {
    this.epoch++;
    // Loads already running may have read the old state: later callers must not share them.
    this.loading.clear();
  }

  private isActive(): boolean {
    return this.options.active?.() ?? true;
  }
}
