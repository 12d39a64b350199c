import type { EntityManager } from 'typeorm';
import { OutboxEntry } from './outbox.entity';
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
  await manager.insert(
    OutboxEntry,
    changes.map((c) =>
      c.op === 'upsert'
        ? {
            entityType: c.document.type,
            entityId: c.document.id,
            version: String(c.version),
            op: c.op,
            payload: c.document,
          }
        : { entityType: c.type, entityId: c.id, version: String(c.version), op: c.op, payload: null },
    ),
  );
  // Delivered at commit (and only if it commits): wakes the outbox worker at once.
  await manager.query(`NOTIFY ${OUTBOX_CHANNEL}`);
}
