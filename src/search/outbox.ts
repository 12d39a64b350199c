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

export async function writeOutbox(manager: EntityManager, changes: OutboxChange[]): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map((c) =>
    c.op === 'upsert'
      ? {
          entity_type: c.document.type,
          entity_id: c.document.id,
          version: String(c.version),
          op: c.op,
          payload: c.document,
        }
      : { entity_type: c.type, entity_id: c.id, version: String(c.version), op: c.op, payload: null },
  );
  // One statement however many rows: a group commit of messages writes hundreds at once.
  await manager.query(
    `INSERT INTO search_outbox (entity_type, entity_id, version, op, payload)
     SELECT r.entity_type, r.entity_id, r.version, r.op, r.payload
       FROM jsonb_to_recordset($1::jsonb) AS r(entity_type text, entity_id uuid, version bigint, op text, payload jsonb)`,
    [JSON.stringify(rows)],
  );
  // Delivered at commit (and only if it commits): wakes the outbox worker at once.
  await manager.query(`NOTIFY ${OUTBOX_CHANNEL}`);
}
