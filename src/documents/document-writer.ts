import { Injectable } from '@nestjs/common';
import { EntityManager, In, QueryFailedError } from 'typeorm';
import { invalid } from '../common/errors';
import { DomainEvents } from '../domain-events/domain-events';
import { WorkingGroup } from '../groups/working-group.entity';
import { MarkdownRenderer } from '../markdown/markdown-renderer';
import { OutboxChange, writeOutbox } from '../search/outbox';
import { User } from '../users/user.entity';
import { ActionItem } from './action-item.entity';
import { DocumentLink } from './document-link.entity';
import { DocumentOrganisation } from './document-organisation.entity';
import { DocumentRevision } from './document-revision.entity';
import { Document } from './document.entity';
import { MeetingAttendee } from './meeting-attendee.entity';
import { DocumentKind, normaliseSourceUrl, RevisionAction, RevisionFields, titleKey } from './rules';
import { toSearchDocument } from './search-payload';
import { StoredFile } from './stored-file.entity';
import { RenderedBody, WikiLinker } from './wiki-linker';

/** A document's full content: what a revision records. */
export interface DocumentState extends RevisionFields {
  title: string;
  body: string;
}

/** The expensive, read-only part of a save, done before the transaction opens. */
export interface Prepared {
  rendered: RenderedBody;
  decisionsHtml: string[];
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

function mapForeignKey(e: unknown): unknown {
  const driver = e instanceof QueryFailedError ? (e.driverError as { code?: string; constraint?: string }) : null;
  const known = driver?.code === '23503' && driver.constraint ? FK_FIELDS[driver.constraint] : undefined;
  return known ? invalid(known[0], known[1]) : e;
}

/**
 * Every write of a document goes through here, inside the caller's transaction: the row,
 * a revision, the search outbox row, then the related rows (organisations, attendees,
 * action items) and links. Any failure fails the whole transaction, so the document, its
 * revision and its outbox row land together or not at all.
 */
@Injectable()
export class DocumentWriter {
  constructor(
    private readonly linker: WikiLinker,
    private readonly markdown: MarkdownRenderer,
    private readonly events: DomainEvents,
  ) {}

  /** Renders the body (wiki links resolved in `groupId`) and the decisions: before the transaction. */
  async prepare(
    manager: EntityManager | null,
    groupId: string,
    state: Pick<DocumentState, 'body' | 'decisions'>,
    selfId?: string,
  ): Promise<Prepared> {
    return {
      rendered: await this.linker.render(manager, groupId, state.body, selfId),
      decisionsHtml: await this.markdown.renderAll(state.decisions, { field: 'decisions' }),
    };
  }

  async insert(
    manager: EntityManager,
    init: {
      id: string;
      kind: DocumentKind;
      authorId: string | null;
      state: DocumentState;
      prepared: Prepared;
      /** Lifecycle columns the caller sets (e.g. published at once). */
      row?: Partial<Document>;
    },
  ): Promise<Document> {
    const doc = manager.create(Document, {
      id: init.id,
      kind: init.kind,
      authorId: init.authorId,
      version: 0,
      publishedInGroupAt: null,
      publishedById: null,
      deletedAt: null,
      deletedById: null,
      ...init.row,
    });
    return this.save(manager, doc, {
      action: 'create',
      actorId: init.authorId,
      state: init.state,
      prepared: init.prepared,
    });
  }

  /**
   * Applies a new state to `doc` (already locked by the caller, or new), as the next
   * version. Without `prepared` the body keeps its rendering; a new or moved document needs it.
   */
  async save(
    manager: EntityManager,
    doc: Document,
    change: { action: RevisionAction; actorId: string | null; state: DocumentState; prepared?: Prepared },
  ): Promise<Document> {
    const { state } = change;
    const before = doc.version > 0 ? { groupId: doc.groupId, key: doc.titleKey, status: doc.status } : null;
    const groupChanged = before !== null && before.groupId !== state.groupId;
    // Rendering takes long and holds nothing: it is done before the transaction opens.
    if (!change.prepared && (groupChanged || before === null)) {
      throw new Error('a new or moved document is rendered before its transaction: pass `prepared`');
    }
    const prepared = change.prepared ?? null;

    Object.assign(doc, {
      groupId: state.groupId,
      status: state.status,
      title: state.title,
      titleKey: titleKey(state.title),
      body: state.body,
      tags: state.tags,
      parentId: state.parentId,
      templateFor: state.templateFor,
      sourceUrl: state.sourceUrl,
      sourceUrlKey: state.sourceUrl ? normaliseSourceUrl(state.sourceUrl) : null,
      publisher: state.publisher,
      sourcePublishedAt: state.publishedAt,
      relevance: state.relevance,
      meetingDate: state.meetingDate,
      decisions: state.decisions,
      linkUrl: state.linkUrl,
      fileId: state.fileId,
      version: doc.version + 1,
      updatedById: change.actorId,
    });
    if (prepared) {
      doc.bodyHtml = prepared.rendered.html;
      doc.decisionsHtml = prepared.decisionsHtml;
    }
    try {
      const saved = await manager.save(Document, doc);
      await manager.insert(DocumentRevision, {
        documentId: saved.id,
        version: saved.version,
        action: change.action,
        title: state.title,
        body: state.body,
        fields: fieldsOf(state),
        authorId: change.actorId,
      });
      await this.writeSearchChange(manager, saved, state);
      await this.syncRelated(manager, saved, state);
      if (prepared) await this.linker.saveLinks(manager, saved, prepared.rendered.links);
      const places = [{ groupId: saved.groupId, key: saved.titleKey }];
      if (before) places.push({ groupId: before.groupId, key: before.key });
      const linkable = !before || before.key !== saved.titleKey || before.status !== saved.status || groupChanged;
      if (linkable || change.action === 'delete' || change.action === 'undelete') {
        await this.events.emit(manager, 'document.linkTargetChanged', { documentId: saved.id, places });
      }
      return saved;
    } catch (e) {
      throw mapForeignKey(e);
    }
  }

  /** The outbox row: an upsert while the document is published and not deleted, else a delete. */
  async writeSearchChange(manager: EntityManager, doc: Document, state: DocumentState): Promise<void> {
    await writeOutbox(manager, [await this.searchChange(manager, doc, state)]);
  }

  /** What search should hold for this document now (also used by the reindex source). */
  async searchChange(manager: EntityManager, doc: Document, state: DocumentState): Promise<OutboxChange> {
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

  /** Organisations concerned, attendees and action items, replaced to match the state. */
  private async syncRelated(manager: EntityManager, doc: Document, state: DocumentState): Promise<void> {
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

  /** The stored rendering and links, for a save that changes other fields than the body. */
  async currentLinks(manager: EntityManager, doc: Document): Promise<RenderedBody> {
    const links = await manager.find(DocumentLink, { where: { sourceId: doc.id } });
    return { html: doc.bodyHtml, links: links.map((l) => ({ key: l.targetKey, targetId: l.targetId })) };
  }

  /** Reads a document's full state (for revisions of status changes, restores and moves). */
  async stateOf(manager: EntityManager, doc: Document): Promise<DocumentState> {
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
}

function fieldsOf(state: DocumentState): RevisionFields {
  const { title: _title, body: _body, ...fields } = state;
  return fields;
}
