import { EntityManager } from 'typeorm';
import { ActionItem } from './action-item.entity';
import { DocumentLink } from './document-link.entity';
import { DocumentOrganisation } from './document-organisation.entity';
import { Document } from './document.entity';
import { MeetingAttendee } from './meeting-attendee.entity';
import { RevisionFields } from './rules';
import type { RenderedBody } from './wiki-linker';

/**
 * A document's full content, as a revision records it and DocumentWriter.save takes it: the
 * row's fields and its related rows (organisations, attendees, action items) in one value, so
 * a change is "read the state, change it, save it".
 */
export interface DocumentState extends RevisionFields {
  title: string;
  body: string;
}

/** Reads a document's full state (for revisions of status changes, restores and moves). */
export async function readState(manager: EntityManager, doc: Document): Promise<DocumentState> {
  const [orgs, attendees, items] = await Promise.all([
    manager.find(DocumentOrganisation, { where: { documentId: doc.id } }),
    manager.find(MeetingAttendee, { where: { documentId: doc.id } }),
    manager.find(ActionItem, { where: { documentId: doc.id }, order: { position: 'ASC' } }),
  ]);
  return {
    title: doc.title,
    body: doc.body,
    status: doc.status,
    groupId: doc.groupId,
    tags: doc.tags,
    parentId: doc.parentId,
    templateFor: doc.templateFor,
    sourceUrl: doc.sourceUrl,
    publisher: doc.publisher,
    publishedAt: doc.sourcePublishedAt,
    relevance: doc.relevance,
    organisationsConcerned: orgs.map((o) => o.organisationId),
    meetingDate: doc.meetingDate,
    attendees: {
      users: attendees.filter((a) => a.userId).map((a) => a.userId!),
      organisations: attendees.filter((a) => !a.userId).map((a) => a.organisationId!),
    },
    decisions: doc.decisions,
    actionItems: items.map((i) => ({
      id: i.id,
      description: i.description,
      // An item owned by a person stores their organisation too; the owner is the person.
      ownerUserId: i.ownerUserId,
      ownerOrganisationId: i.ownerUserId ? null : i.ownerOrganisationId,
      dueDate: i.dueDate,
      status: i.status,
    })),
    linkUrl: doc.linkUrl,
    fileId: doc.fileId,
  };
}

/** The stored rendering and links, for a save that changes other fields than the body. */
export async function currentLinks(manager: EntityManager, doc: Document): Promise<RenderedBody> {
  const links = await manager.find(DocumentLink, { where: { sourceId: doc.id } });
  return { html: doc.bodyHtml, links: links.map((l) => ({ key: l.targetKey, targetId: l.targetId })) };
}

/** The fields a revision stores beside its title and body. */
export function fieldsOf(state: DocumentState): RevisionFields {
  const { title: _title, body: _body, ...fields } = state;
  return fields;
}
