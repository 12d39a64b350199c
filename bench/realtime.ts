/**
 * Realtime benchmark: N socket clients spread over M channels of one working group; S of
 * them send at a fixed rate for a fixed time. Reports messages persisted per second (acked:
 * the ack comes after commit), deliveries per second, delivered/expected, and the p50/p99
 * of ack and delivery latency. Loopback only; starts its own server on a fresh database
 * (embedded, or a new database on DATABASE_URL) and always stops it.
 *
 *   npm run bench -- realtime
 *
 * Knobs (environment): BENCH_CLIENTS (50), BENCH_CHANNELS (5), BENCH_SENDERS (20),
 * BENCH_RATE messages/s per sender (2), BENCH_SECONDS (15), DATABASE_URL, REDIS_URL.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { io, Socket } from 'socket.io-client';
import { report } from './lib/report';

interface Message {
  id: string;
  channelId: string;
  seq: number;
  clientMsgId: string | null;
}
type Ack = { ok: true; message: Message } | { ok: false; error: { code: string; message: string } };

const int = (name: string, fallback: number, max: number): number => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(v) || v < 1 || v > max) throw new Error(`${name} must be an integer from 1 to ${max}`);
  return v;
};
const CLIENTS = int('BENCH_CLIENTS', 50, 1000);
const CHANNELS = int('BENCH_CHANNELS', 5, 100);
const SENDERS = Math.min(int('BENCH_SENDERS', 20, 1000), CLIENTS);
const RATE = int('BENCH_RATE', 2, 50);
const SECONDS = int('BENCH_SECONDS', process.env.BENCH_SMOKE === '1' ? 2 : 15, 600);
const ROOT = resolve(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');
const ADMIN = { email: 'bench-admin@bench.auzolan', password: 'bench-password-1' };

const cleanups: Array<() => Promise<void> | void> = [];
async function cleanup(): Promise<void> {
  for (const c of cleanups.splice(0).reverse()) await Promise.resolve(c()).catch(() => undefined);
}

async function database(): Promise<Record<string, string>> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `auzolan_bench_${process.pid}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    cleanups.push(async () => {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    });
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return { DATABASE_URL: url.toString() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'auzolan-bench-'));
  const template = join(tmpdir(), 'auzolan-test-template', 'pg');
  if (existsSync(template)) cpSync(template, join(dir, 'pg'), { recursive: true });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return { DATA_DIR: dir };
}

async function startServer(env: Record<string, string>): Promise<string> {
  if (!existsSync(MAIN)) throw new Error('build the server first: npm run build:server');
  const child: ChildProcess = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', MAIN], {
    env: {
      ...process.env,
      ...env,
      HOST: '127.0.0.1',
      PORT: '0',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      AUZOLAN_PRINT_LOGINS: 'true', // the banner carries the port; LOG_LEVEL=warn hides the log line
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return new Promise((resolvePort, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start within 90 s')), 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Auzolan is running at http:\/\/[^:]+:(\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolvePort(`http://127.0.0.1:${match[1]}`);
      }
    });
    void exited.then(() => reject(new Error(`server exited:\n${out}`)));
  });
}

async function http<T>(base: string, path: string, token: string | null, body?: unknown, method?: string): Promise<T> {
  const res = await fetch(base + path, {
    method: method ?? (body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await res.json()) as T;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(data)}`);
  return data;
}

const pct = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;

async function main(): Promise<void> {
  const base = await startServer(await database());
  const admin = await http<{ token: string }>(base, '/api/auth/login', null, ADMIN);
  const group = await http<{ id: string }>(base, '/api/groups', admin.token, { slug: 'bench', name: 'Bench' });
  const channels = [(await http<Array<{ id: string }>>(base, `/api/groups/${group.id}/channels`, admin.token))[0].id];
  for (let i = 1; i < CHANNELS; i++) {
    channels.push(
      (await http<{ id: string }>(base, `/api/groups/${group.id}/channels`, admin.token, { name: `c${i}` })).id,
    );
  }
  const people: Array<{ id: string; token: string }> = [];
  for (let i = 0; i < CLIENTS; i++) {
    const email = `bench-${i}@bench.auzolan`;
    const user = await http<{ id: string }>(base, '/api/users', admin.token, {
      email,
      password: 'bench-password-1',
      displayName: `Bench ${i}`,
    });
    await http(base, `/api/groups/${group.id}/members/${user.id}`, admin.token, { role: 'member' }, 'PUT');
    people.push({
      id: user.id,
      token: (await http<{ token: string }>(base, '/api/auth/login', null, { email, password: 'bench-password-1' }))
        .token,
    });
  }

  const sentAt = new Map<string, number>();
  const deliveries: number[] = [];
  const ackLatency: number[] = [];
  let failed = 0;
  const errors = new Map<string, number>();
  const sockets: Socket[] = [];
  cleanups.push(() => sockets.forEach((s) => s.close()));
  for (let i = 0; i < CLIENTS; i++) {
    const socket = io(base, {
      auth: { token: people[i].token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((ok, fail) => {
      socket.once('connect', () => ok());
      socket.once('connect_error', fail);
    });
    socket.on('message:new', (m: Message) => {
      const t = m.clientMsgId ? sentAt.get(m.clientMsgId) : undefined;
      if (t !== undefined) deliveries.push(performance.now() - t);
    });
    const joined = (await socket
      .timeout(30_000)
      .emitWithAck('channel:join', { channelId: channels[i % CHANNELS] })) as { ok: boolean };
    if (!joined.ok) throw new Error('join failed');
    sockets.push(socket);
  }
  const members = channels.map((_, c) => sockets.filter((__, i) => i % CHANNELS === c).length);

  process.stdout.write(
    `bench: ${CLIENTS} clients in ${CHANNELS} channels, ${SENDERS} senders × ${RATE} msg/s for ${SECONDS} s\n`,
  );
  let acked = 0;
  let expected = 0;
  const pending: Array<Promise<void>> = [];
  const started = performance.now();
  const perSender = RATE * SECONDS; // bounded: every sender sends exactly this many messages
  await Promise.all(
    sockets.slice(0, SENDERS).map(async (socket, s) => {
      const channelId = channels[s % CHANNELS];
      for (let k = 0; k < perSender; k++) {
        const due = started + (k * 1000) / RATE + (s * 1000) / RATE / SENDERS;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const clientMsgId = randomUUID();
        const t0 = performance.now();
        sentAt.set(clientMsgId, t0);
        pending.push(
          (
            socket
              .timeout(60_000)
              .emitWithAck('message:send', { channelId, body: `bench ${s}.${k}`, clientMsgId }) as Promise<Ack>
          ).then(
            (ack) => {
              if (ack.ok) {
                acked++;
                expected += members[s % CHANNELS] - 1;
                ackLatency.push(performance.now() - t0);
              } else {
                failed++;
                errors.set(ack.error.code, (errors.get(ack.error.code) ?? 0) + 1);
              }
            },
            () => {
              failed++;
              errors.set('timeout', (errors.get('timeout') ?? 0) + 1);
            },
          ),
        );
      }
    }),
  );
  await Promise.all(pending);
  const sendEnd = performance.now();
  // Let the last broadcasts land (bounded wait).
  for (let i = 0; i < 50 && deliveries.length < expected; i++) await new Promise((r) => setTimeout(r, 100));
  const elapsed = (sendEnd - started) / 1000;
  const d = [...deliveries].sort((a, b) => a - b);
  const a = [...ackLatency].sort((x, y) => x - y);
  const result = {
    mode: `${process.env.DATABASE_URL ? 'postgres' : 'embedded'}${process.env.REDIS_URL ? '+redis' : ''}`,
    clients: CLIENTS,
    channels: CHANNELS,
    senders: SENDERS,
    ratePerSender: RATE,
    seconds: Number(elapsed.toFixed(2)),
    sent: SENDERS * perSender,
    persisted: acked,
    failed,
    errors: Object.fromEntries(errors),
    persistedPerSecond: Number((acked / elapsed).toFixed(1)),
    delivered: deliveries.length,
    expectedDeliveries: expected,
    deliveredRatio: Number((deliveries.length / Math.max(1, expected)).toFixed(4)),
    deliveredPerSecond: Number((deliveries.length / elapsed).toFixed(1)),
    ackMs: { p50: Number(pct(a, 50).toFixed(1)), p99: Number(pct(a, 99).toFixed(1)) },
    deliveryMs: { p50: Number(pct(d, 50).toFixed(1)), p99: Number(pct(d, 99).toFixed(1)) },
  };
  report({
    name: 'realtime',
    mode: result.mode,
    rows: [
      {
        id: 'G2',
        what: `persisted with acks: ${CLIENTS} clients, ${CHANNELS} channels, ${SENDERS} senders × ${RATE}/s`,
        result: `${result.persistedPerSecond}/s (ack p50 ${result.ackMs.p50} ms, p99 ${result.ackMs.p99} ms; failed ${failed})`,
        baseline: 'offered ' + SENDERS * RATE + '/s',
        target: '≥ 5,000/s',
        met: result.persistedPerSecond >= 5000,
      },
      {
        id: 'G1',
        what: 'fan-out: delivered/expected and delivery latency',
        result:
          result.deliveredRatio < 1
            ? `INCOMPLETE: ${result.delivered}/${result.expectedDeliveries} delivered`
            : `${result.deliveredPerSecond} deliveries/s, p50 ${result.deliveryMs.p50} ms, p99 ${result.deliveryMs.p99} ms`,
        baseline: '',
        target: '100% delivered, p99 ≤ 50 ms at 10,000 deliveries/s',
        met: result.deliveredRatio === 1 && result.deliveryMs.p99 <= 50 && result.deliveredPerSecond >= 10_000,
      },
    ],
    raw: result,
  });
}

/** Entry for `npm run bench -- realtime`. */
export async function run(): Promise<void> {
  process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    await main();
  } finally {
    await cleanup();
  }
}
