// Baseline for G2: the naive way to persist chat messages. Each message is ONE autocommit
// statement that takes the channel's next seq and inserts the row (so seqs stay gapless per
// channel, as the app guarantees): one round trip and one commit per message, no batching.
// Driven by the same closed loop as the app's senders (bench/lib/closed-loop.ts), in its own
// process. Database: DATABASE_URL (a fresh Postgres database, a pool of DATABASE_POOL_SIZE
// connections, the app's default 10) or NAIVE_PGLITE_DIR (PGlite, one session, as embedded).
// Prints `RESULT <json>` and exits.
import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { Pool } from 'pg';
import { closedLoop, OpError } from '../lib/closed-loop';

const env = (name: string): number => {
  const v = Number(process.env[name]);
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} is required`);
  return v;
};
const SENDERS = env('NAIVE_SENDERS');
const CHANNELS = env('NAIVE_CHANNELS');
const BODY = 'x'.repeat(env('NAIVE_BODY_BYTES'));

// The same shape as the app's messages table where it matters for a write: uuid keys, the
// per-channel seq unique, the per-author idempotency key unique, the body.
const SCHEMA = [
  `CREATE TABLE bench_channels (id uuid PRIMARY KEY, last_seq bigint NOT NULL DEFAULT 0)`,
  `CREATE TABLE bench_messages (
     id uuid PRIMARY KEY, channel_id uuid NOT NULL REFERENCES bench_channels, seq bigint NOT NULL,
     author_id uuid NOT NULL, client_msg_id uuid NOT NULL, body text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     UNIQUE (channel_id, seq), UNIQUE (author_id, client_msg_id))`,
];
const INSERT = `WITH s AS (UPDATE bench_channels SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq)
  INSERT INTO bench_messages (id, channel_id, seq, author_id, client_msg_id, body)
  SELECT $2, $1, last_seq, $3, $4, $5 FROM s RETURNING seq`;
const CHECK = `SELECT c.id, c.last_seq::int AS last, count(m.id)::int AS n, coalesce(min(m.seq), 0)::int AS lo,
  coalesce(max(m.seq), 0)::int AS hi FROM bench_channels c LEFT JOIN bench_messages m ON m.channel_id = c.id GROUP BY c.id`;

type Query = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

async function open(): Promise<{ query: Query; close: () => Promise<void>; kind: string }> {
  if (process.env.DATABASE_URL) {
    const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
    const pool = new Pool({ connectionString: process.env.DATABASE_URL, max });
    return {
      query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[],
      close: () => pool.end(),
      kind: `postgres, pool of ${max}`,
    };
  }
  const db = await PGlite.create(process.env.NAIVE_PGLITE_DIR!);
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    close: () => db.close(),
    kind: 'PGlite, one session',
  };
}

async function main(): Promise<void> {
  const db = await open();
  try {
    for (const sql of SCHEMA) await db.query(sql);
    const channels = Array.from({ length: CHANNELS }, () => randomUUID());
    for (const id of channels) await db.query('INSERT INTO bench_channels (id) VALUES ($1)', [id]);
    const authors = Array.from({ length: SENDERS }, () => randomUUID());
    const result = await closedLoop(
      {
        senders: SENDERS,
        window: env('NAIVE_WINDOW'),
        warmupSeconds: env('NAIVE_WARMUP'),
        seconds: env('NAIVE_SECONDS'),
        minGapMs: env('NAIVE_MIN_GAP_MS'),
      },
      async (sender) => {
        try {
          const rows = await db.query<{ seq: string }>(INSERT, [
            channels[sender % CHANNELS],
            randomUUID(),
            authors[sender],
            randomUUID(),
            BODY,
          ]);
          return Number(rows[0].seq);
        } catch (e) {
          throw new OpError((e as { code?: string }).code ?? 'error');
        }
      },
    );
    const check = await db.query<{ last: number; n: number; lo: number; hi: number }>(CHECK);
    const gapless = check.every((c) => c.n === c.hi && c.hi === c.last && (c.n === 0 || c.lo === 1));
    const stored = check.reduce((a, c) => a + c.n, 0);
    const { results: _seqs, ...summary } = result;
    process.stdout.write(`RESULT ${JSON.stringify({ ...summary, kind: db.kind, stored, gapless })}\n`);
  } finally {
    await db.close();
  }
}

main().then(
  () => process.exit(0),
  (e: Error) => {
    process.stderr.write(`naive-persist: ${e.stack ?? e.message}\n`);
    process.exit(1);
  },
);
