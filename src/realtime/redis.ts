import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { MemoryState, RedisState, SharedState } from './shared-state';

type SocketAdapter = ReturnType<typeof createAdapter>;

/**
 * The only place that knows whether Redis is used. With REDIS_URL: the socket.io Redis
 * adapter (room broadcasts reach every process) and Redis-backed presence and rate limits.
 * Without: in-process rooms and state.
 */
export async function openSharedState(
  redisUrl: string | null,
): Promise<{ state: SharedState; adapter: SocketAdapter | null }> {
  if (!redisUrl) return { state: new MemoryState(), adapter: null };
  const pub = createClient({
    url: redisUrl,
    socket: { connectTimeout: 5_000, reconnectStrategy: (retries) => Math.min(retries * 100, 2_000) },
  });
  const sub = pub.duplicate();
  // Without a listener, a dropped connection would crash the process; the client reconnects by itself.
  const logError = (e: Error): void => {
    process.stderr.write(`auzolan: redis: ${e.message}\n`);
  };
  pub.on('error', logError);
  sub.on('error', logError);
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`cannot connect to Redis at ${redact(redisUrl)}`)), 10_000).unref(),
  );
  await Promise.race([Promise.all([pub.connect(), sub.connect()]), timeout]);
  const state = new RedisState({ sendCommand: (args) => pub.sendCommand(args) }, async () => {
    await Promise.allSettled([pub.quit(), sub.quit()]);
  });
  return { state, adapter: createAdapter(pub, sub, { key: 'auzolan' }) };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
