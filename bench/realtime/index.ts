/**
 * Realtime benchmark: G1 fan-out, G6 memory per client and G2 persistence (issue 7), each
 * beside a bare baseline in the same run, on the embedded database and (with DATABASE_URL)
 * on Postgres. Everything goes through the public socket protocol (docs/REALTIME.md).
 *
 *   npm run bench -- realtime     # all three
 *   npm run bench -- fanout       # G1 + G6 only
 *   npm run bench -- persist      # G2 only
 *
 * Per leg: the app on a fresh database (test/support), people seeded (setup.ts), then
 *   1. G6: CONFIG.clients sockets connect and join; server RSS before and after (fanout.ts);
 *   2. G2 with the first CONFIG.senders of them, then everything read back (persist.ts). It comes
 *      before G1 because it is closed-loop: whatever it leaves queued in the server is bounded;
 *   3. G1: the open-loop run, then the rate sweep (fanout.ts);
 *   4. the naive persistence loop in its own process on its own database (baselines/naive-persist.ts);
 *   5. G6 + G1 on the bare socket.io server, same topology and load code (baselines/bare-socketio.ts).
 * Knobs: see config.ts. Children are tracked and killed even on failure (lib/child.ts).
 */
import { startHelper } from '../lib/child';
import { modes, report, Row } from '../lib/report';
import { CONFIG } from './config';
import { connect, fanout, Memory } from './fanout';
import { Fleet, Seat } from './fleet';
import { persistApp, persistNaive, PersistResult } from './persist';
import { fanoutRow, memoryRow, persistRows, sweepRow } from './rows';
import { stage } from './setup';

export type Part = 'fanout' | 'persist';

async function leg(mode: string, serverUrl: string | null, parts: Part[]): Promise<void> {
  const label = `${mode}${process.env.REDIS_URL ? '+redis' : ''}`;
  const started = performance.now();
  const s = await stage(serverUrl);
  let fleet: Fleet | null = null;
  let bare: Awaited<ReturnType<typeof startHelper>> | null = null;
  const raw: Record<string, unknown> = { config: CONFIG, setupMs: s.timings };
  const rows: Row[] = [];
  try {
    process.stdout.write(`${label}: setup ${JSON.stringify(s.timings)} ms (BENCH_SETUP=${CONFIG.setup})\n`);
    const seats: Seat[] = s.people.map((p, i) => ({
      token: p.token,
      channelId: s.g1Channels[i % s.g1Channels.length],
    }));
    let memory: Memory | null = null;
    if (parts.includes('fanout')) ({ memory, fleet } = await connect(s.app.url, s.app.pid, seats));
    else fleet = await Fleet.open(s.app.url, seats.slice(0, CONFIG.senders), s.app.pid);
    let app: Awaited<ReturnType<typeof persistApp>> | null = null;
    if (parts.includes('persist')) {
      app = await persistApp(fleet, s.g2Channels, s.people, s.app.url);
      const v = app.verification;
      process.stdout.write(
        `  G2 ${app.app.perSecond}/s, ack p99 ${app.app.latency.p99} ms; read back: ${v.ok ? 'ok' : v.problems[0]}\n`,
      );
    }
    // G2's burst leaves its messages to be indexed for search; G1 measures a server that is not
    // still catching up on another benchmark's work, so it waits for that (and says how long).
    if (app && memory) {
      const settled = await indexCaughtUp(s.app.url);
      process.stdout.write(`  search index caught up with G2 in ${settled.ms} ms (${settled.pending} outbox rows)\n`);
    }
    const full = memory ? await fanout(fleet) : null;
    fleet.close();
    fleet = null;
    await s.stop(); // the naive loop and the bare server get the machine to themselves
    if (app) {
      const persist: PersistResult = { ...app, naive: await persistNaive(serverUrl) };
      process.stdout.write(`  G2 naive ${persist.naive.perSecond}/s, p99 ${persist.naive.latency.p99} ms\n`);
      rows.push(...persistRows(persist));
      raw.persist = persist;
      if (!persist.verification.ok || !persist.naive.gapless) {
        process.stderr.write(
          `G2 (${label}): stored messages do not match the acks: ${persist.verification.problems.join('; ')}\n`,
        );
        process.exitCode = 1;
      }
    }
    if (memory && full) {
      bare = await startHelper('baselines/bare-socketio.js');
      process.stdout.write('  bare socket.io:\n');
      const b = await connect(
        `http://127.0.0.1:${bare.port}`,
        bare.child.pid!,
        seats.map((x) => ({ ...x, token: null })),
      );
      fleet = b.fleet;
      const bareFull = await fanout(b.fleet);
      rows.unshift(memoryRow(memory, b.memory), fanoutRow(full, bareFull), sweepRow(full, bareFull));
      Object.assign(raw, { memory, fanout: full, bare: { memory: b.memory, fanout: bareFull } });
    }
    raw.seconds = Math.round((performance.now() - started) / 1000);
    report({ name: 'realtime', mode: label, rows, raw });
  } catch (e) {
    // The server's own account of what went wrong, when it is the server that failed.
    const tail = [...s.app.lines.slice(-20), s.app.stderr.slice(-3000)].join('\n');
    process.stderr.write(`realtime (${label}) failed; the server's last output:\n${tail}\n`);
    throw e;
  } finally {
    fleet?.close();
    bare?.child.kill('SIGTERM');
    await s.stop();
  }
}

/** Polls /api/health until the search outbox is empty; bounded at 120 s. */
async function indexCaughtUp(url: string): Promise<{ ms: number; pending: number }> {
  const started = performance.now();
  let first: number | null = null;
  while (performance.now() - started < 120_000) {
    const health = (await (await fetch(`${url}/api/health`)).json()) as {
      info?: { search?: { outboxPending?: number } };
    };
    const pending = health.info?.search?.outboxPending ?? 0;
    first ??= pending;
    if (pending === 0) return { ms: Math.round(performance.now() - started), pending: first };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the search outbox did not drain within 120 s of G2');
}

export async function run(parts: Part[] = ['fanout', 'persist']): Promise<void> {
  for (const { mode, serverUrl } of modes()) await leg(mode, serverUrl, parts);
}
