import { EntityManager, In, QueryFailedError } from 'typeorm';
import { invalid } from '../common/errors';
import { User } from '../users/user.entity';
import { ActionItem } from './action-item.entity';
import { DocumentOrganisation } from './document-organisation.entity';
import { DocumentRevision } from './document-revision.entity';
import { DocumentState, fieldsOf } from './document-state';
import { Document } from './document.entity';
import { MeetingAttendee } from './meeting-attendee.entity';
import { RevisionAction } from './rules';

/**
 * The rows a save writes beside the document's own: its revision, and the related rows
 * (organisations concerned, attendees, action items) replaced to match the state. All in the
 * caller's transaction.
 */

/** The revision recording `state` as the document's current version. */
export async function writeRevision(
  manager: EntityManager,
  doc: Document,
  change: { action: RevisionAction; actorId: string | null; state: DocumentState },
): Promise<void> {
  await manager.insert(DocumentRevision, {
    documentId: doc.id,
    version: doc.version,
    action: change.action,
    title: change.state.title,
    body: change.state.body,
    fields: fieldsOf(change.state),
    authorId: change.actorId,
  });
}

/** Organisations concerned, attendees and action items, replaced to match the state. */
export async function syncRelated(manager: EntityManager, doc: Document, state: DocumentState): Promise<void> {
  await manager.delete(DocumentOrganisation, { documentId: doc.id });
  if (state.organisationsConcerned.length) {
    await manager.insert(
      DocumentOrganisation,
      state.organisationsConcerned.map((organisationId) => ({ documentId: doc.id, organisationId })),
    );
  }

  const userIds = [...new Set([...state.attendees.users, ...state.actionItems.map((a) => a.ownerUserId)])].filter(
    (id): id is string => id !== null,
  );
  const people = userIds.length
    ? await manager.find(User, { where: { id: In(userIds) }, select: { id: true, organisationId: true } })
    : [];
  const orgOf = new Map(people.map((p) => [p.id, p.organisationId]));

  await manager.delete(MeetingAttendee, { documentId: doc.id });
  const attendees = [
    ...state.attendees.users.map((userId) => ({
      documentId: doc.id,
      userId,
      organisationId: orgOf.get(userId) ?? null,
    })),
    ...state.attendees.organisations.map((organisationId) => ({ documentId: doc.id, userId: null, organisationId })),
  ];
  if (attendees.length) await manager.insert(MeetingAttendee, attendees);

  const keep = state.actionItems.map((a) => a.id);
  const existing = await manager.find(ActionItem, { where: { documentId: doc.id }, select: { id: true } });
  const gone = existing.map((e) => e.id).filter((id) => !keep.includes(id));
  if (gone.length) await manager.delete(ActionItem, { id: In(gone) });
  const known = new Set(existing.map((e) => e.id));
  for (const [position, item] of state.actionItems.entries()) {
    const row = {
      documentId: doc.id,
      groupId: doc.groupId,
      position,
      description: item.description,
      ownerUserId: item.ownerUserId,
      // A person's organisation is recorded with the item, so issue 8 can count associations.
      ownerOrganisationId: item.ownerUserId ? (orgOf.get(item.ownerUserId) ?? null) : item.ownerOrganisationId,
      dueDate: item.dueDate,
      status: item.status,
      updatedById: doc.updatedById,
    };
    if (known.has(item.id)) await manager.update(ActionItem, { id: item.id }, row);
    else await manager.insert(ActionItem, { id: item.id, ...row });
  }
}

/** Foreign keys that only fail on bad input, mapped to the field that carried it. */
const FK_FIELDS: Record<string, [field: string, reason: string]> = {
  action_items_owner_user_fk: ['actionItems.ownerUserId', 'no such person'],
  action_items_owner_organisation_fk: ['actionItems.ownerOrganisationId', 'no such organisation'],
  meeting_attendees_user_fk: ['attendees.users', 'no such person'],
  meeting_attendees_organisation_fk: ['attendees.organisations', 'no such organisation'],
  document_organisations_organisation_fk: ['organisationsConcerned', 'no such organisation'],
  documents_file_fk: ['fileId', 'no such file'],
};

/** A save's foreign-key failure as the 400 naming the field that carried the bad id; anything else unchanged. */
export function mapForeignKey(e: unknown): unknown {
  const driver = e instanceof QueryFailedError ? (e.driverError as { code?: string; constraint?: string }) : null;
  const known = driver?.code === '23503' && driver.constraint ? FK_FIELDS[driver.constraint] : undefined;
  return known ? invalid(known[0], known[1]) : e;
}
