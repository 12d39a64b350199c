import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEvents } from '../domain-events/domain-events';
import { MarkdownRenderer } from '../markdown/markdown-renderer';
import { mapForeignKey, syncRelated, writeRevision } from './document-rows';
import { writeSearchChange } from './document-search-change';
import type { DocumentState } from './document-state';
import { Document } from './document.entity';
import { DocumentKind, normaliseSourceUrl, RevisionAction, titleKey } from './rules';
import { RenderedBody, WikiLinker } from './wiki-linker';

export type { DocumentState };

/** The expensive, read-only part of a save, done before the transaction opens. */
export interface Prepared {
  rendered: RenderedBody;
  decisionsHtml: string[];
}

/**
 * Every write of a document goes through here, inside the caller's transaction: the row,
 * a revision, the search outbox row, then the related rows (organisations, attendees,
 * action items) and links. Any failure fails the whole transaction, so the document, its
 * revision and its outbox row land together or not at all. The parts live beside it:
 * document-rows.ts (revision, related rows), document-search-change.ts (the outbox row),
 * document-state.ts (reading a document's state back).
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
      await writeRevision(manager, saved, change);
      await writeSearchChange(manager, saved, state);
      await syncRelated(manager, saved, state);
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
}
