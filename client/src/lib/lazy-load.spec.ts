import { ChunkLoadError, LoadDeps, loadChunk, RELOAD_FLAG } from './lazy-load';

function deps(up = true): LoadDeps & { reloads: number; map: Map<string, string> } {
  const map = new Map<string, string>();
  const d = {
    map,
    reloads: 0,
    storage: {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    },
    serverUp: async () => up,
    reload: () => void (d.reloads += 1),
    sleep: async () => undefined,
  };
  return d;
}

const failing = (times: number) => {
  let calls = 0;
  return {
    calls: () => calls,
    factory: async () => {
      calls += 1;
      if (calls <= times) throw new TypeError('Failed to fetch dynamically imported module');
      return { default: 'view' };
    },
  };
};

describe('loadChunk', () => {
  it('retries a failed load and clears the reload flag once a chunk loads', async () => {
    const d = deps();
    d.map.set(RELOAD_FLAG, '1');
    const f = failing(2);
    await expect(loadChunk(f.factory, d)).resolves.toEqual({ default: 'view' });
    expect(f.calls()).toBe(3);
    expect(d.reloads).toBe(0);
    expect(d.map.has(RELOAD_FLAG)).toBe(false);
  });

  it('reloads the page once when the chunk stays missing and the server answers', async () => {
    const d = deps();
    const pending = loadChunk(failing(Infinity).factory, d);
    await new Promise((r) => setTimeout(r, 0));
    expect(d.reloads).toBe(1);
    expect(d.map.has(RELOAD_FLAG)).toBe(true);
    void pending;
  });

  it('after that reload, gives up with a ChunkLoadError instead of reloading again', async () => {
    const d = deps();
    d.map.set(RELOAD_FLAG, '1');
    await expect(loadChunk(failing(Infinity).factory, d)).rejects.toBeInstanceOf(ChunkLoadError);
    expect(d.reloads).toBe(0);
  });

  it('does not reload while the server is down (the page would not come back)', async () => {
    const d = deps(false);
    await expect(loadChunk(failing(Infinity).factory, d)).rejects.toBeInstanceOf(ChunkLoadError);
    expect(d.reloads).toBe(0);
    expect(d.map.has(RELOAD_FLAG)).toBe(false);
  });
});
