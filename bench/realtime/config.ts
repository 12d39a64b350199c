/**
 * Sizes of the realtime benchmark (G1 fan-out, G6 memory per client, G2 persistence).
 * Every knob is an environment variable; the defaults are issue 7's sizes, and BENCH_SMOKE=1
 * shrinks the times (CI also passes small counts: BENCH_CLIENTS=10 BENCH_CHANNELS=2 BENCH_SENDERS=4).
 *
 *   BENCH_CLIENTS      people, each with their own session and socket (1000)
 *   BENCH_CHANNELS     channels of the one G1 working group; clients are spread evenly (50)
 *   BENCH_RATE         G1 messages/s offered in all, open loop, spread over every client (500)
 *   BENCH_SECONDS      G1 measured seconds, after BENCH_WARMUP seconds that are dropped (6, warm-up 2)
 *   BENCH_SWEEP        G1 rates (msg/s) tried in order, BENCH_STEP_SECONDS each; stops at the first
 *                      that misses p99 < 100 ms or full delivery (250,500,1000,2000,4000; 2 s + 1 s warm-up)
 *   BENCH_SENDERS      G2 senders (the first people), closed loop (400)
 *   BENCH_G2_CHANNELS  G2 channels, one per working group, at most senders/2 (100); see persist.ts
 *   BENCH_WINDOW       G2 messages in flight per sender (2)
 *   BENCH_G2_SECONDS   G2 measured seconds after a 1 s warm-up (6)
 *   BENCH_SETUP        `db` (default): groups, channels, people, memberships, sessions written via the app's
 *                      entities before the server starts; `api`: POST /api/users + PUT member +
 *                      POST /api/auth/login for each person (argon2 twice per person: minutes)
 *   DATABASE_URL       adds the Postgres leg (a fresh database on that server); REDIS_URL is passed on
 */
import { SMOKE } from '../lib/report';

function int(name: string, fallback: number, min: number, max: number): number {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(v) || v < min || v > max) throw new Error(`${name} must be an integer from ${min} to ${max}`);
  return v;
}

function list(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (!raw) return fallback;
  const rates = raw.split(',').map(Number);
  if (rates.some((r) => !Number.isInteger(r) || r < 1 || r > 100_000))
    throw new Error(`${name}: integers, comma-separated`);
  return rates.slice(0, 10); // bounded
}

const clients = int('BENCH_CLIENTS', 1000, 2, 2000);
const channels = Math.min(int('BENCH_CHANNELS', 50, 1, 200), Math.floor(clients / 2)); // ≥ 2 per room
const senders = Math.min(int('BENCH_SENDERS', 400, 1, 2000), clients);

export const CONFIG = {
  clients,
  channels,
  rate: int('BENCH_RATE', SMOKE ? 20 : 500, 1, 100_000),
  warmupSeconds: int('BENCH_WARMUP', SMOKE ? 1 : 2, 0, 60),
  seconds: int('BENCH_SECONDS', SMOKE ? 2 : 6, 1, 120),
  sweep: list('BENCH_SWEEP', SMOKE ? [20, 40] : [250, 500, 1000, 2000, 4000]),
  stepSeconds: int('BENCH_STEP_SECONDS', SMOKE ? 1 : 2, 1, 60),
  senders,
  // At least two senders per channel, so that seq assignment is contended as in a busy channel.
  g2Channels: Math.min(int('BENCH_G2_CHANNELS', 100, 1, 500), Math.ceil(senders / 2)),
  window: int('BENCH_WINDOW', 2, 1, 50),
  g2Seconds: int('BENCH_G2_SECONDS', SMOKE ? 2 : 6, 1, 120),
  setup: process.env.BENCH_SETUP === 'api' ? ('api' as const) : ('db' as const),
  /** Message bodies are this long, like the 200-byte messages. */
  bodyBytes: 200,
  /**
   * The server allows 30 events/s per socket and per person (REALTIME_LIMITS); the load stays
   * under it so that the limiter, not the server, is never what is measured.
   */
  perSocketMax: 25,
  /** Bounded waits. */
  ackTimeoutMs: 15_000,
  drainMs: SMOKE ? 3_000 : 5_000,
  maxBehindSeconds: 1,
  quietMaxMs: SMOKE ? 5_000 : 10_000,
  /** The server counts as idle after this long without an event or ack. */
  quietIdleMs: SMOKE ? 300 : 1_000,
  /** Warm-up of each sweep step. */
  stepWarmupSeconds: SMOKE ? 0 : 1,
  settleMs: SMOKE ? 500 : 1_500,
};

/** Issue 7's full size: below it, `met` is n/a rather than a verdict on a toy run. */
export const FULL_SIZE = !SMOKE && clients >= 1000 && channels >= 50;
