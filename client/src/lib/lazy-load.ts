/**
 * Loading a lazy view's chunk, resilient to the two ways it fails in practice:
 * - the server is restarting: the request fails for a moment, so it is tried again, with a pause;
 * - a deploy replaced the build, and this tab's chunk names are gone: only a reload of the page
 *   (the new `index.html`) knows the new names, so the page reloads, once. A flag in
 *   sessionStorage makes it once: if the chunk is still missing after that reload, the error goes
 *   to the route's error boundary, which says so and offers a retry. The flag is cleared when a
 *   chunk loads.
 * Pure of React, so it is tested alone (lazy-load.spec.ts).
 */
export class ChunkLoadError extends Error {
  constructor(readonly cause: unknown) {
    super(`A part of the app could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'ChunkLoadError';
  }
}

export interface LoadDeps {
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** Whether the server answers at all: a reload while it is down would leave the app. */
  serverUp(): Promise<boolean>;
  reload(): void;
  sleep(ms: number): Promise<void>;
}

export const RELOAD_FLAG = 'auzolan:chunk-reload';
/** Pauses before the 2nd and 3rd attempts: long enough for a quick restart to finish. */
export const RETRY_DELAYS_MS = [1000, 2000];

export async function loadChunk<T>(factory: () => Promise<T>, deps: LoadDeps): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt++) {
    if (attempt > 0) await deps.sleep(RETRY_DELAYS_MS[attempt - 1]);
    try {
      const loaded = await factory();
      deps.storage.removeItem(RELOAD_FLAG);
      return loaded;
    } catch (e) {
      lastError = e;
    }
  }
  if (deps.storage.getItem(RELOAD_FLAG) === null && (await deps.serverUp())) {
    deps.storage.setItem(RELOAD_FLAG, String(Date.now()));
    deps.reload();
    return new Promise<T>(() => undefined); // the page is going away: keep showing "Loading"
  }
  throw new ChunkLoadError(lastError);
}

export const browserLoadDeps = (): LoadDeps => ({
  storage: sessionStorage,
  serverUp: () =>
    fetch('/', { method: 'HEAD', cache: 'no-store' }).then(
      (r) => r.ok,
      () => false,
    ),
  reload: () => window.location.reload(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
});
