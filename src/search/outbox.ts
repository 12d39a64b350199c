import type { EntityManager } from 'typeorm';
import type { SearchDocument } from './search-document';

export type OutboxChange =
  | { op: 'upsert'; version: number | string; document: SearchDocument }
  | { op: 'delete'; version: number | string; type: SearchDocument['type']; id: string };

/**
 * Records search changes inside the caller's transaction (pass its manager). A failed
 * insert fails the transaction, so the content write and its outbox row land together or
 * not at all.
 */
export const OUTBOX_CHANNEL = 'search_outbox';

/** The jsonb parameter that `insertOutboxSql` reads. */
export function outboxRows(changes: OutboxChange[]): string {
  return JSON.stringify(
    changes.map((c) =>
      c.op === 'upsert'
        ? {
            entity_type: c.document.type,
            entity_id: c.document.id,
            version: String(c.version),
            op: c.op,
            payload: c.document,
          }
        : { entity_type: c.type, entity_id: c.id, version: String(c.version), op: c.op, payload: null },
    ),
  );
}

/**
 * One INSERT however many rows (a group commit of messages writes hundreds at once), reading
 * `outboxRows` from the given parameter, for use as a data-modifying CTE in a caller's statement.
 */
export const insertOutboxSql = (param: string): string =>
  `INSERT INTO search_outbox (entity_type, entity_id, version, op, payload)
   SELECT r.entity_type, r.entity_id, r.version, r.op, r.payload
     FROM jsonb_to_recordset(${param}::jsonb) AS r(entity_type text, entity_id uuid, version bigint, op text, payload jsonb)`;

/** Delivered at commit (and only if it commits): wakes the outbox worker at once. */
export const NOTIFY_OUTBOX_SQL = `pg_notify('${OUTBOX_CHANNEL}', '')`;

export async function writeOutbox(manager: EntityManager, changes: OutboxChange[]): Promise<void> {
  if (changes.length === 0) return;
  // The rows and the wake-up in one round trip.
  await manager.query(`WITH written AS (${insertOutboxSql('$1')}) SELECT ${NOTIFY_OUTBOX_SQL}`, [outboxRows(changes)]);
}
