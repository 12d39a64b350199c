import { AppProcess } from '../test/support/app-process';
import { createTestDatabase } from '../test/support/test-database';
import { startHelper, track } from './lib/child';
import { modes, report, Row, SMOKE } from './lib/report';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (opts: object) => Promise<{
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}>;

const ADMIN = { ADMIN_EMAIL: 'bench@auzolan.test', ADMIN_PASSWORD: 'bench-password-1' };

async function load(url: string, headers: Record<string, string>) {
  return autocannon({ url, connections: 50, pipelining: 1, duration: SMOKE ? 1 : 10, headers });
}

/** G5: an authenticated read (GET /api/me) against a bare Fastify hello, in the same run. */
export async function run(): Promise<void> {
  for (const { mode, serverUrl } of modes()) {
    const db = await createTestDatabase(serverUrl);
    const app = await AppProcess.start({ ...db.env, ...ADMIN, LOG_LEVEL: 'warn' });
    const bare = await startHelper('baselines/bare-fastify.js');
    track(bare.child);
    try {
      const login = await fetch(`${app.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: ADMIN.ADMIN_EMAIL, password: ADMIN.ADMIN_PASSWORD }),
      });
      const { token } = (await login.json()) as { token: string };
      await load(`http://127.0.0.1:${bare.port}/hello`, {}); // warm-up, dropped
      await load(`${app.url}/api/me`, { authorization: `Bearer ${token}` });
      const baseline = await load(`http://127.0.0.1:${bare.port}/hello`, {});
      const ours = await load(`${app.url}/api/me`, { authorization: `Bearer ${token}` });
      const ratio = ours.requests.average / baseline.requests.average;
      const rows: Row[] = [
        {
          id: 'G5',
          what: 'GET /api/me (authenticated) vs bare Fastify hello, 50 connections',
          result: `${Math.round(ours.requests.average)} req/s (p50 ${ours.latency.p50} ms, p99 ${ours.latency.p99} ms, non-2xx ${ours.non2xx})`,
          baseline: `${Math.round(baseline.requests.average)} req/s`,
          target: '≥ 60% of bare',
          met: ratio >= 0.6 && ours.non2xx === 0,
        },
      ];
      report({ name: 'http', mode, rows, raw: { ours, baseline, ratio } });
    } finally {
      bare.child.kill('SIGTERM');
      await app.stop();
      await db.drop();
    }
  }
}
