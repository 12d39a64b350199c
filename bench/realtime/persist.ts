import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Api } from '../../test/support/http';
import { createTestDatabase } from '../../test/support/test-database';
import { runHelper } from '../lib/child';
import { closedLoop, ClosedLoopResult, OpError } from '../lib/closed-loop';
import { CONFIG } from './config';
import { Fleet, messageBody } from './fleet';
import { watchLoadGen, LoadGenLoad } from './monitor';
import { Person } from './setup';
import { Acked, verifyStored, Verification } from './verify';

/**
 * G2: messages persisted per second, counted by acks (the ack comes after the commit).
 *
 * CONFIG.senders people send closed-loop (CONFIG.window in flight each, at most
 * CONFIG.perSocketMax/s each to stay under the server's rate limit) into CONFIG.g2Channels
 * channels. Each channel is the `general` of its own working group: the app tells every online
 * member of a group about each new message (`channel:activity`), so one big group would turn
 * G2 into a fan-out test of the single load generator. The senders do not join the channel
 * rooms for the same reason (the server still emits each broadcast, to an empty room).
 * The naive baseline gets the same senders, window, pacing and channel count.
 * "server % CPU" is the Node process only: in the Postgres leg the database's own CPU is not in it.
 */
export interface PersistResult {
  app: Omit<ClosedLoopResult<Acked>, 'results'> & { loadGen: LoadGenLoad; backlogWaitMs: number | null };
  verification: Verification;
  naive: NaiveResult;
}

export interface NaiveResult {
  started: number;
  ok: number;
  failed: number;
  errors: Record<string, number>;
  perSecond: number;
  latency: { p50: number; p99: number };
  kind: string;
  stored: number;
  gapless: boolean;
}

const loop = {
  window: CONFIG.window,
  warmupSeconds: 1,
  seconds: CONFIG.g2Seconds,
  minGapMs: 1000 / CONFIG.perSocketMax,
};

/** The app's senders: the first CONFIG.senders sockets of the fleet (person j is in G2 group j mod n). */
export async function persistApp(
  fleet: Fleet,
  g2Channels: string[],
  people: Person[],
  url: string,
): Promise<Omit<PersistResult, 'naive'>> {
  const senders = Math.min(CONFIG.senders, fleet.sockets.length);
  const backlogWaitMs = await fleet.quiet();
  const load = watchLoadGen(fleet.serverPid);
  const run = await closedLoop({ ...loop, senders }, async (sender): Promise<Acked> => {
    const channelId = g2Channels[sender % g2Channels.length];
    const clientMsgId = randomUUID();
    let res;
    try {
      res = await fleet.sockets[sender]
        .timeout(CONFIG.ackTimeoutMs)
        .emitWithAck('message:send', { channelId, body: messageBody('g2', performance.now()), clientMsgId });
    } catch {
      throw new OpError('timeout');
    }
    if (!res.ok) throw new OpError(res.error.code);
    return { id: res.message.id, channelId, seq: Number(res.message.seq), clientMsgId };
  });
  const loadGen = load();
  const { results, ...app } = run;
  const readers = g2Channels.map((_, c) => new Api(url, { token: people[c].token }));
  const verification = await verifyStored(g2Channels, readers, results);
  return { app: { ...app, loadGen, backlogWaitMs }, verification };
}

/** The naive loop in its own process, on the same kind of database as this leg. */
export async function persistNaive(serverUrl: string | null): Promise<NaiveResult> {
  const db = await createTestDatabase(serverUrl);
  try {
    const where: Record<string, string> = serverUrl
      ? { DATABASE_URL: db.env.DATABASE_URL, DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '10' }
      : { DATABASE_URL: '', NAIVE_PGLITE_DIR: join(db.env.DATA_DIR, 'naive') };
    return await runHelper<NaiveResult>(
      'baselines/naive-persist.js',
      {
        ...where,
        NAIVE_SENDERS: String(CONFIG.senders),
        NAIVE_CHANNELS: String(CONFIG.g2Channels),
        NAIVE_WINDOW: String(loop.window),
        NAIVE_WARMUP: String(loop.warmupSeconds),
        NAIVE_SECONDS: String(loop.seconds),
        NAIVE_MIN_GAP_MS: String(loop.minGapMs),
        NAIVE_BODY_BYTES: String(CONFIG.bodyBytes),
      },
      120_000,
    );
  } finally {
    await db.drop();
  }
}
