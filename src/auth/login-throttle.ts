import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '../config/config';
import { AppError } from '../common/errors';
import { AuzolanDataSource } from '../database/data-source';

/** Advisory-lock key spaces (the first int of the two-int form), so account and address keys never collide. */
const ACCOUNT_LOCK = 7301;
const ADDRESS_LOCK = 7302;

/**
 * Counts the window and, when both counts are under their limits, records this attempt, in
 * one statement. The attempt is written as a failure: it stays one until the password is
 * proven right. `$3` is the window in seconds, `$4`/`$5` the account and address limits.
 */
const TAKE_SLOT = `
  WITH recent AS (
    SELECT account = $1 AS by_account, address = $2 AS by_address, failed_at
      FROM login_failures
     WHERE (account = $1 OR address = $2) AND failed_at >= now() - make_interval(secs => $3)
  ), counts AS (
    SELECT count(*) FILTER (WHERE by_account)::int AS account_count,
           min(failed_at) FILTER (WHERE by_account) AS account_oldest,
           count(*) FILTER (WHERE by_address)::int AS address_count,
           min(failed_at) FILTER (WHERE by_address) AS address_oldest
      FROM recent
  ), slot AS (
    INSERT INTO login_failures (account, address)
    SELECT $1, $2 FROM counts WHERE account_count < $4 AND address_count < $5
    RETURNING id
  )
  SELECT EXISTS (SELECT 1 FROM slot) AS taken,
         greatest(1, ceil(extract(epoch FROM
           CASE WHEN account_count >= $4 THEN account_oldest ELSE address_oldest END
             + make_interval(secs => $3) - now())))::int AS "retryAfter"
    FROM counts`;

/**
 * Limits password checks per account and per client address over a sliding window, in the
 * database, so the limit holds across processes and restarts.
 *
 * The count is taken, and the attempt recorded, BEFORE the password is checked, as one
 * atomic step (`take`). Checking first and recording the failure afterwards let N parallel
 * guesses all see "under the limit" during the slow argon2 check, and all get checked.
 *
 * `take` is one short transaction: transaction-scoped advisory locks on the account, then on
 * the address, then TAKE_SLOT. The locks make the count-and-insert of two attempts on the
 * same account (or address) run one after the other: under READ COMMITTED, two concurrent
 * statements would each miss the other's uncommitted row. Each transaction takes one lock in
 * each key space, always account first, so locks cannot deadlock. The password is verified
 * after the commit: argon2 never runs inside a transaction (on PGlite, one session, every
 * query would wait for it).
 *
 * - Postgres with a pool, and any number of processes on one database: advisory locks are
 *   held by the database server, so they serialise attempts across connections and processes.
 *   Redis is not needed for this: the database is the shared truth in every mode.
 * - PGlite: one session, statements run one at a time; requests interleave only between
 *   awaits, and the transaction (one connection) leaves no gap between count and insert.
 *
 * After the check: a right password clears the account's failures (`succeeded`, including
 * this attempt); a wrong one leaves the row counted. A process that dies mid-check also
 * leaves it counted: the limit fails closed.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectDataSource() private readonly dataSource: AuzolanDataSource,
    private readonly config: AppConfig,
  ) {}

  private get windowSeconds(): number {
    return this.config.loginWindowMinutes * 60;
  }

  /** Takes one password check for this account and address, or throws rate_limited (429 + Retry-After). */
  async take(account: string, address: string): Promise<void> {
    const [row] = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ACCOUNT_LOCK, account]);
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ADDRESS_LOCK, address]);
      return (await manager.query(TAKE_SLOT, [
        account,
        address,
        this.windowSeconds,
        this.config.loginMaxFailuresPerAccount,
        this.config.loginMaxFailuresPerAddress,
      ])) as Array<{ taken: boolean; retryAfter: number | null }>;
    });
    if (row?.taken) return;
    const retryAfter = row?.retryAfter ?? this.windowSeconds;
    throw new AppError(
      'rate_limited',
      `Too many wrong passwords for this account or from this address; try again in ${Math.ceil(retryAfter / 60)} minute(s)`,
      [{ retryAfterSeconds: retryAfter }],
      { 'Retry-After': String(retryAfter) },
    );
  }

  /** The checked password was wrong: its attempt stays counted. Prunes what the window no longer counts. */
  async failed(): Promise<void> {
    await this.dataSource.query('DELETE FROM login_failures WHERE failed_at < now() - make_interval(secs => $1)', [
      this.windowSeconds,
    ]);
  }

  /** The checked password was right: the account's failures (this attempt's too) no longer count. */
  async succeeded(account: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_failures WHERE account = $1', [account]);
  }
}
