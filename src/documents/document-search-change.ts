import { EntityManager } from 'typeorm';
import { WorkingGroup } from '../groups/working-group.entity';
import { OutboxChange, writeOutbox } from '../search/outbox';
import { User } from '../users/user.entity';
import type { DocumentState } from './document-state';
import { Document } from './document.entity';
import { toSearchDocument } from './search-payload';
import { StoredFile } from './stored-file.entity';

/**
 * What search should hold for a document now: an upsert while it is published and not
 * deleted, else a delete. Every save writes it to the outbox in its transaction; a group's
 * visibility change re-announces (search-hooks.ts) and a reindex reads it (search-source.ts).
 */
export async function searchChange(manager: EntityManager, doc: Document, state: DocumentState): Promise<OutboxChange> {
  if (doc.status !== 'published' || doc.deletedAt) {
    return { op: 'delete', version: doc.version, type: 'document', id: doc.id };
  }
  const [group, author, file] = await Promise.all([
    manager.findOneOrFail(WorkingGroup, { where: { id: doc.groupId }, select: { id: true, visibility: true } }),
    doc.authorId
      ? manager.findOne(User, { where: { id: doc.authorId }, select: { id: true, organisationId: true } })
      : null,
    doc.fileId
      ? manager.findOne(StoredFile, { where: { id: doc.fileId }, select: { id: true, fileName: true } })
      : null,
  ]);
  const document = toSearchDocument(doc, {
    organisationId: author?.organisationId ?? null,
    visibility: group.visibility,
    fileName: file?.fileName ?? null,
    actionItems: state.actionItems,
  });
  return { op: 'upsert', version: doc.version, document };
}

/** The outbox row for the document's current state, in the caller's transaction. */
export async function writeSearchChange(manager: EntityManager, doc: Document, state: DocumentState): Promise<void> {
  await writeOutbox(manager, [await searchChange(manager, doc, state)]);
}
