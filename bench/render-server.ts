import { randomUUID } from 'node:crypto';
import { LIMITS } from '../src/common/limits';
import { AppProcess } from '../test/support/app-process';
import { Api } from '../test/support/http';
import { SocketClient } from '../test/support/socket';
import { createTestDatabase } from '../test/support/test-database';
import { modes, report, Row, SMOKE } from './lib/report';
import { Latency } from './lib/stats';

const ADMIN = { ADMIN_EMAIL: 'bench@auzolan.test', ADMIN_PASSWORD: 'bench-password-1' };
const PROBE_TARGET_MS = 200;

interface Probed {
  /** How long the work took, and what it answered. */
  ms: number;
  outcome: string;
  probes: ReturnType<Latency['summary']>;
}

/**
 * Sends GET /api/health one after another, 20 ms apart, for as long as `work` runs: a server
 * whose event loop a render holds answers the probe only when the render ends.
 */
async function probeDuring(url: string, work: () => Promise<string>): Promise<Probed> {
  const latency = new Latency();
  let done = false;
  const probing = (async () => {
    await new Promise((r) => setTimeout(r, 10)); // the work's request is on its way first
    while (!done) {
      const started = performance.now();
      const res = await fetch(`${url}/api/health`);
      await res.arrayBuffer();
      latency.recordMs(performance.now() - started);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const started = performance.now();
  const outcome = await work();
  const ms = performance.now() - started;
  done = true;
  await probing;
  return { ms: Math.round(ms), outcome, probes: latency.summary() };
}

async function must<T>(reply: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const r = await reply;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/**
 * The running server while the worst renders are in flight (issue 12: "a health probe sent
 * during the render answers in < 200 ms"): a preview of the slowest hostile input at the cap, a page
 * of identical headings at the cap, the realistic document at the cap, and 20 chat messages of identical
 * headings at the 10,000-character limit sent at once over socket.io.
 */
export async function serverUnderRender(slowestName: string, slowest: string, realistic: string): Promise<void> {
  for (const { mode, serverUrl } of modes()) {
    const db = await createTestDatabase(serverUrl);
    const app = await AppProcess.start({ ...db.env, ...ADMIN, LOG_LEVEL: 'warn' });
    try {
      const { token } = await must(
        new Api(app.url).post<{ token: string }>('/api/auth/login', {
          email: ADMIN.ADMIN_EMAIL,
          password: ADMIN.ADMIN_PASSWORD,
        }),
        'login',
      );
      const api = new Api(app.url, { token });
      const group = await must(api.post<{ id: string }>('/api/groups', { slug: 'bench', name: 'Bench' }), 'group');
      const channel = await must(
        api.post<{ id: string }>(`/api/groups/${group.id}/channels`, { name: 'bench' }),
        'channel',
      );
      // At the document cap (the JSON limit leaves room for each newline sent as \n).
      const headings = '# h\n'.repeat(Math.floor(LIMITS.documentBodyBytes / 4));
      const status = (r: { status: number; body: unknown }): string =>
        r.status < 300 ? String(r.status) : `${r.status} ${(r.body as { error?: { code?: string } }).error?.code}`;
      await api.post('/api/markdown/preview', { source: realistic.slice(0, 100_000) }); // starts the worker

      const scenarios: Array<[string, () => Promise<string>]> = [
        [
          `preview of the slowest hostile input (${slowestName}, ${Math.round(slowest.length / 1024)} KB)`,
          async () => status(await api.post('/api/markdown/preview', { source: slowest })),
        ],
        [
          `page of identical headings (${Math.round(headings.length / 1024)} KB), created`,
          async () =>
            status(await api.post(`/api/groups/${group.id}/documents`, { kind: 'page', title: 'h', body: headings })),
        ],
        [
          `preview of the realistic document (${Math.round(realistic.length / 1024)} KB), links resolved`,
          async () => status(await api.post('/api/markdown/preview', { source: realistic, groupId: group.id })),
        ],
        [
          `20 chat messages of identical headings at ${LIMITS.messageBodyChars} characters, at once`,
          async () => {
            const client = await SocketClient.connect(app.url, token);
            try {
              await client.join(channel.id);
              const body = '# h\n'.repeat(LIMITS.messageBodyChars / 4);
              const acks = await Promise.all(
                Array.from({ length: SMOKE ? 2 : 20 }, () =>
                  client.send(channel.id, body, { clientMsgId: randomUUID() }),
                ),
              );
              return `${acks.filter((a) => a.ok).length} acked ok`;
            } finally {
              client.close();
            }
          },
        ],
      ];
      const rows: Row[] = [];
      const raw: Record<string, Probed> = {};
      for (const [what, work] of scenarios) {
        const probed = await probeDuring(app.url, work);
        raw[what] = probed;
        rows.push({
          id: `probe: ${what.split(' (')[0].slice(0, 30)}`,
          what: `GET /api/health during: ${what} → ${probed.outcome} in ${probed.ms} ms`,
          result: `max ${probed.probes.max} ms, p50 ${probed.probes.p50} ms (${probed.probes.count} probes)`,
          baseline: '—',
          target: `< ${PROBE_TARGET_MS} ms`,
          met: probed.probes.max < PROBE_TARGET_MS,
        });
      }
      report({ name: 'render-probe', mode, rows, raw });
    } finally {
      await app.stop();
      await db.drop();
    }
  }
}
