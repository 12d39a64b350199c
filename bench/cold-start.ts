import { AppProcess } from '../test/support/app-process';
import { createTestDatabase } from '../test/support/test-database';
import { median } from './lib/stats';
import { report, SMOKE } from './lib/report';

async function timeToHealthy(env: Record<string, string>): Promise<number> {
  const started = performance.now();
  const app = AppProcess.spawn({ ...env, LOG_LEVEL: 'warn' });
  for (;;) {
    const banner = app.lines.map((l) => /Auzolan is running at http:\/\/[^\s]+:(\d+)/.exec(l)).find(Boolean);
    if (banner) {
      const port = Number(banner[1]);
      const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
      if (res?.status === 200) break;
    }
    await new Promise((r) => setTimeout(r, 10));
    if (performance.now() - started > 60_000) throw new Error('did not become healthy in 60 s');
  }
  const ms = performance.now() - started;
  await app.stop();
  return ms;
}

/** G7: `node dist/src/main.js` (already built) to the first 200 on /api/health, embedded mode. */
export async function run(): Promise<void> {
  const runs = SMOKE ? 1 : 5;
  const db = await createTestDatabase(null); // G7 is about the embedded default
  try {
    const demo = { ...db.env, SEED_DEMO: 'true' };
    const first = await timeToHealthy(demo); // creates/migrates/seeds: not a cold start of an existing install
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await timeToHealthy(demo));
    const ms = median(times);
    report({
      name: 'cold-start',
      mode: 'embedded',
      rows: [
        {
          id: 'G7',
          what: `start (built) → first 200 on /api/health, existing data dir, median of ${runs}`,
          result: `${Math.round(ms)} ms`,
          baseline: `first start incl. demo seed: ${Math.round(first)} ms`,
          target: '≤ 5 s',
          met: ms <= 5000,
        },
      ],
      raw: { times, first },
    });
  } finally {
    await db.drop();
  }
}
