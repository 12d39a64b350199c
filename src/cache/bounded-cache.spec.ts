import { BoundedCache } from './bounded-cache';

/** A clock the test moves by hand. */
function clock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

/** A load the test resolves by hand, to interleave it with invalidations. */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('BoundedCache', () => {
  it('never holds more than maxEntries, evicting an entry not used since it was last passed over', () => {
    const cache = new BoundedCache<string, number>({ maxEntries: 3, ttlMs: 60_000 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.get('a')).toBe(1); // a is used, so it gets a second chance
    cache.set('d', 4);
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual([1, 3, 4]);
    // All used: one full turn clears the marks, then the oldest goes.
    cache.set('e', 5);
    expect(cache.size).toBe(3);
    expect(cache.get('e')).toBe(5);
    for (let i = 0; i < 1000; i++) {
      cache.set(`k${i}`, i);
      cache.get(`k${i}`);
    }
    expect(cache.size).toBe(3);
  });

  it('drops an entry once its TTL has passed', () => {
    const t = clock();
    const cache = new BoundedCache<string, string>({ maxEntries: 10, ttlMs: 60_000, now: t.now });
    cache.set('k', 'v');
    t.advance(59_999);
    expect(cache.get('k')).toBe('v');
    t.advance(1);
    expect(cache.get('k')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('never serves a value past its own expiry, even inside the TTL, and does not store one already expired', () => {
    const t = clock();
    const cache = new BoundedCache<string, { expiresAt: number }>({
      maxEntries: 10,
      ttlMs: 60_000,
      expiresAt: (v) => v.expiresAt,
      now: t.now,
    });
    cache.set('session', { expiresAt: t.now() + 5_000 });
    t.advance(4_999);
    expect(cache.get('session')).toBeDefined();
    t.advance(1);
    expect(cache.get('session')).toBeUndefined();
    cache.set('old', { expiresAt: t.now() });
    expect(cache.size).toBe(0);
  });

  it('caches null as an answer, but undefined never counts as a hit', async () => {
    const cache = new BoundedCache<string, string | null>({ maxEntries: 10, ttlMs: 60_000 });
    let loads = 0;
    const load = (): Promise<null> => {
      loads++;
      return Promise.resolve(null);
    };
    expect(await cache.getOrLoad('k', load)).toBeNull();
    expect(await cache.getOrLoad('k', load)).toBeNull();
    expect(loads).toBe(1);
  });

  it('shares one load among concurrent misses of a key', async () => {
    const cache = new BoundedCache<string, number>({ maxEntries: 10, ttlMs: 60_000 });
    const gate = deferred<number>();
    let loads = 0;
    const load = (): Promise<number> => {
      loads++;
      return gate.promise;
    };
    const all = Promise.all([cache.getOrLoad('k', load), cache.getOrLoad('k', load), cache.getOrLoad('k', load)]);
    gate.resolve(7);
    expect(await all).toEqual([7, 7, 7]);
    expect(loads).toBe(1);
    expect(cache.get('k')).toBe(7);
  });

  it('does not store a load that overlapped an invalidation, and does not share it afterwards', async () => {
    const cache = new BoundedCache<string, string>({ maxEntries: 10, ttlMs: 60_000 });
    const stale = deferred<string>();
    const first = cache.getOrLoad('k', () => stale.promise);
    cache.delete('k'); // the row changed while the first load was reading it
    const second = cache.getOrLoad('k', () => Promise.resolve('fresh'));
    stale.resolve('stale');
    expect(await first).toBe('stale'); // its caller gets what it read…
    expect(await second).toBe('fresh');
    expect(cache.get('k')).toBe('fresh'); // …but the cache keeps only the fresh value
  });

  it('any invalidation (deleteWhere, clear) also fences off running loads', async () => {
    const cache = new BoundedCache<string, string>({ maxEntries: 10, ttlMs: 60_000 });
    for (const invalidate of [() => cache.deleteWhere(() => false), () => cache.clear()]) {
      const gate = deferred<string>();
      const load = cache.getOrLoad('k', () => gate.promise);
      invalidate();
      gate.resolve('old');
      await load;
      expect(cache.get('k')).toBeUndefined();
    }
  });

  it('deleteWhere drops exactly the selected entries', () => {
    const cache = new BoundedCache<string, { user: string }>({ maxEntries: 10, ttlMs: 60_000 });
    cache.set('t1', { user: 'ane' });
    cache.set('t2', { user: 'jon' });
    cache.set('t3', { user: 'ane' });
    expect(cache.deleteWhere((v) => v.user === 'ane')).toBe(2);
    expect([cache.get('t1'), cache.get('t2'), cache.get('t3')]).toEqual([undefined, { user: 'jon' }, undefined]);
  });

  it('neither serves nor stores while inactive', async () => {
    let active = true;
    const cache = new BoundedCache<string, number>({ maxEntries: 10, ttlMs: 60_000, active: () => active });
    cache.set('a', 1);
    active = false;
    expect(cache.get('a')).toBeUndefined();
    let loads = 0;
    await cache.getOrLoad('b', () => Promise.resolve(++loads));
    await cache.getOrLoad('b', () => Promise.resolve(++loads));
    expect(loads).toBe(2);
    active = true;
    expect(cache.get('a')).toBeUndefined(); // dropped while inactive, not revived
  });

  it('passes a failed load on to every waiter and caches nothing', async () => {
    const cache = new BoundedCache<string, number>({ maxEntries: 10, ttlMs: 60_000 });
    const failing = (): Promise<number> => Promise.reject(new Error('database down'));
    await expect(Promise.all([cache.getOrLoad('k', failing), cache.getOrLoad('k', failing)])).rejects.toThrow(
      'database down',
    );
    expect(await cache.getOrLoad('k', () => Promise.resolve(1))).toBe(1);
  });
});
