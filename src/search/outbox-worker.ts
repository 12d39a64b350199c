import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { SearchDocument } from './search-document';
import type { EngineChange, SearchEngine } from './search-engine';

export interface OutboxWorkerOptions {
  batchSize?: number;
  /** How long a lease lasts without renewal. */
  leaseMs?: number;
  /** Poll interval when no notification arrives (a safety net for missed NOTIFYs). */
  idleMs?: number;
  /**
   * Least time between the starts of two drains. A quiet server drains at once on a
   * notification; a busy one (a group commit of messages every few milliseconds) gathers what
   * arrives meanwhile into one batch instead of paying a drain's round trips and commits for each.
   */
  gatherMs?: number;
  maxBackoffMs?: number;
  /**
   * The only process on this database (embedded mode holds a lock on its data directory):
   * a lease left by a previous, dead process is taken at once instead of waiting it out.
   */
  exclusive?: boolean;
  log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

interface OutboxRow {
  id: string;
  entity_type: 'document' | 'message';
  entity_id: string;
  version: string;
  op: 'upsert' | 'delete';
  payload: SearchDocument | null;
  attempts: number;
}

export interface OutboxBacklog {
  pending: number;
  oldestSeconds: number;
}

const LEASE = 'search-outbox';
/** The outbox has been empty this long: the engine's upkeep may run (SearchEngine.idle). */
const QUIET_MS = 1_000;

/**
 * Drains the transactional outbox into the search engine. It runs in every process; only
 * the holder of the `search-outbox` lease drains, in commit (id) order, so changes reach
 * the engine in order. Rows are read, applied (engines are idempotent and version-checked, so
 * a lease that changed hands mid-batch costs a repeat, not an error), then marked done. When
 * the engine fails, the batch is retried with exponential backoff; the writes that produced it
 * have already succeeded.
 *
 * Plain class (no Nest imports) so its behaviour is tested directly against a real database.
 */
export class OutboxWorker {
  private readonly holder = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly idleMs: number;
  private readonly maxBackoffMs: number;
  private readonly gatherMs: number;
  /** performance.now() before which the lease is known to be ours without asking. */
  private leaseCheckDue = 0;
  private lastDrainStart = -Infinity;
  private lastBusy = -Infinity;
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private drains = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: SearchEngine,
    private readonly options: OutboxWorkerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.leaseMs = options.leaseMs ?? 15_000;
    this.idleMs = options.idleMs ?? 1_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.gatherMs = options.gatherMs ?? 25;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    this.leaseCheckDue = 0;
    await this.dataSource
      .query(`DELETE FROM worker_leases WHERE name = $1 AND holder = $2`, [LEASE, this.holder])
      .catch(() => undefined);
  }

  /** Called on NOTIFY (or in-process) after a commit that wrote outbox rows. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      const gather = this.lastDrainStart + this.gatherMs - performance.now();
      if (gather > 0) await new Promise((resolve) => setTimeout(resolve, gather));
      if (!this.running) break;
      this.lastDrainStart = performance.now();
      let drained = 0;
      try {
        drained = await this.drainOnce();
        failures = 0;
        if (drained > 0) this.lastBusy = performance.now();
        else if (performance.now() - this.lastBusy >= QUIET_MS) await this.engine.idle();
      } catch (e) {
        failures++;
        this.options.log?.('warn', 'search outbox batch failed; will retry', { error: (e as Error).message });
      }
      if (drained >= this.batchSize && this.running) continue;
      const pause = failures ? Math.min(this.maxBackoffMs, 250 * 2 ** failures) : this.idleMs;
      await this.sleep(pause);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        this.woken = false;
        done();
      };
    });
  }

  /** One round: take or renew the lease, claim a batch, apply it, mark it. Returns rows done. */
  async drainOnce(): Promise<number> {
    if (!(await this.holdLease())) return 0;
    // Only the lease holder drains, so reading the rows needs no lock of its own.
    const rows = (await this.dataSource.query(
      `SELECT id, entity_type, entity_id, version, op, payload, attempts FROM search_outbox
        WHERE processed_at IS NULL AND available_at <= now()
        ORDER BY id LIMIT $1`,
      [this.batchSize],
    )) as OutboxRow[];
    if (rows.length === 0) return 0;
    const ids = rows.map((r) => r.id);
    try {
      await this.engine.apply(rows.map(toChange));
    } catch (e) {
      const attempts = Math.max(...rows.map((r) => r.attempts)) + 1;
      const delayMs = Math.min(this.maxBackoffMs, 250 * 2 ** attempts);
      await this.dataSource.query(
        `UPDATE search_outbox SET attempts = attempts + 1, last_error = $2,
           available_at = now() + ($3 || ' milliseconds')::interval WHERE id = ANY($1::bigint[])`,
        [ids, (e as Error).message.slice(0, 1000), String(delayMs)],
      );
      throw e;
    }
    await this.dataSource.query(`UPDATE search_outbox SET processed_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
    if (++this.drains % 100 === 0) await this.prune();
    return rows.length;
  }

  /** Drains until nothing is left (for start-up catch-up, reindex and tests). */
  async drainAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.drainOnce();
      total += n;
      if (n === 0) return total;
    }
  }

  async backlog(): Promise<OutboxBacklog> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS pending, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS oldest
       FROM search_outbox WHERE processed_at IS NULL`,
    )) as Array<{ pending: number; oldest: number }>;
    return { pending: row.pending, oldestSeconds: Math.round(row.oldest * 10) / 10 };
  }

  /**
   * Takes or renews the lease. A renewal lasts leaseMs from the database's clock; it is asked
   * again after a third of that, so a busy worker does not write the lease row on every drain.
   */
  private async holdLease(): Promise<boolean> {
    const asked = performance.now();
    if (asked < this.leaseCheckDue) return true;
    const rows = (await this.dataSource.query(
      `INSERT INTO worker_leases AS l (name, holder, expires_at)
       VALUES ($1, $2, now() + ($3 || ' milliseconds')::interval)
       ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
       WHERE l.holder = EXCLUDED.holder OR l.expires_at < now() OR $4
       RETURNING holder`,
      [LEASE, this.holder, String(this.leaseMs), this.options.exclusive === true],
    )) as Array<{ holder: string }>;
    const held = rows.length === 1;
    this.leaseCheckDue = held ? asked + this.leaseMs / 3 : 0;
    return held;
  }

  /** Processed rows are kept a day for inspection, then removed. */
  private async prune(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM search_outbox WHERE processed_at IS NOT NULL AND processed_at < now() - interval '1 day'`,
    );
  }
}

function toChange(row: OutboxRow): EngineChange {
  const version = Number(row.version);
  return row.op === 'upsert' && row.payload
    ? { op: 'upsert', version, document: row.payload }
    : { op: 'delete', version, type: row.entity_type, id: row.entity_id };
}
