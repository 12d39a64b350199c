import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { AppError, conflict, forbidden, invalid } from '../common/errors';
import { DomainEvents } from '../domain-events/domain-events';
import { canManageGroupContent } from '../groups/access';
import { GroupAccess } from '../groups/groups.policy';
import { DocumentAccess } from './document-access';
import { checkBodySize, checkKindFields, checkState, emptyState, mergeState } from './document-input';
import { DocumentReader } from './document-reader';
import { DocumentView, DocumentWarning, SavedDocument } from './document.view';
import { currentLinks, DocumentState, readState } from './document-state';
import { DocumentWriter } from './document-writer';
import { Document } from './document.entity';
import { CreateDocumentDto, MoveDocumentDto, UpdateDocumentDto } from './dto/document.dto';
import { KnowledgeChecks } from './knowledge-checks';
import { DocumentKind, initialStatus } from './rules';
import { StoredFile } from './stored-file.entity';

/** Thrown inside a transaction when `baseVersion` is stale; answered as 409 after rollback. */
class StaleVersion extends Error {
  constructor(readonly current: number) {
    super('stale');
  }
}

/** Thrown inside a transaction when the row changed since it was prepared; prepared again. */
class MovedOn extends Error {}

/**
 * The document lifecycle: create, save (with optimistic concurrency), publish, delete,
 * restore and move. Each change is one transaction through DocumentWriter (row, revision,
 * outbox, related rows, links); what follows from it travels on the domain-event map.
 */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: DocumentAccess,
    private readonly writer: DocumentWriter,
    private readonly reader: DocumentReader,
    private readonly checks: KnowledgeChecks,
    private readonly events: DomainEvents,
  ) {}

  async get(actor: Actor, id: string): Promise<DocumentView> {
    const access = await this.access.require(actor, id, 'read');
    return this.reader.view(access.doc, this.access.abilities(actor, access, access.doc));
  }

  async create(actor: Actor, groupId: string, dto: CreateDocumentDto): Promise<SavedDocument> {
    const access = await this.access.group(actor, groupId, 'contribute');
    const { kind, templateId, status: requested, ...input } = dto;
    checkKindFields(kind, input);
    checkBodySize(input.body);
    const manage = canManageGroupContent(actor, access.role);
    if (input.templateFor != null && !manage) throw forbidden('Only facilitators mark pages as templates');
    const status = initialStatus(kind, requested, manage);
    if (status === 'denied') throw forbidden('Only facilitators publish meeting summaries; save it as a draft');

    let base = emptyState(groupId, input.title!);
    if (templateId) {
      const template = await this.checks.template(actor, groupId, templateId);
      base = { ...base, body: template.body, tags: template.tags };
    }
    const state = { ...mergeState(base, input), status };
    checkState(kind, state);
    await this.checks.references(actor, access, state, null);
    const warnings = await this.duplicateWarnings(actor, access, kind, state, null);

    const id = randomUUID();
    const prepared = await this.writer.prepare(null, groupId, state, id);
    const doc = await this.events.transaction(async (manager) => {
      const row = status === 'published' ? { publishedInGroupAt: new Date(), publishedById: actor.id } : {};
      const saved = await this.writer.insert(manager, { id, kind, authorId: actor.id, state, prepared, row });
      if (status === 'published') await this.events.emit(manager, 'document.published', { doc: saved, actor });
      return saved;
    });
    return { ...(await this.viewFor(actor, doc)), warnings };
  }

  async update(actor: Actor, id: string, dto: UpdateDocumentDto): Promise<SavedDocument> {
    const access = await this.access.require(actor, id, 'edit');
    const { baseVersion, ...input } = dto;
    const kind = access.doc.kind;
    checkKindFields(kind, input);
    checkBodySize(input.body);
    if (input.templateFor !== undefined && input.templateFor !== access.doc.templateFor) {
      if (!canManageGroupContent(actor, access.role)) throw forbidden('Only facilitators mark pages as templates');
    }
    const prepared =
      input.body !== undefined || input.decisions !== undefined
        ? await this.writer.prepare(null, access.doc.groupId, mergeState(emptyState(access.doc.groupId, ''), input), id)
        : undefined;
    let warnings: DocumentWarning[] = [];
    const doc = await this.change(actor, id, baseVersion, async (manager, locked) => {
      const state = mergeState(await readState(manager, locked), input);
      checkState(kind, state);
      await this.checks.references(actor, access, state, locked, manager);
      if (input.sourceUrl !== undefined)
        warnings = await this.duplicateWarnings(actor, access, kind, state, id, manager);
      // The body and decisions were rendered before the transaction; keep the stored ones otherwise.
      const full = prepared && {
        rendered: input.body !== undefined ? prepared.rendered : await currentLinks(manager, locked),
        decisionsHtml: input.decisions !== undefined ? prepared.decisionsHtml : locked.decisionsHtml,
      };
      return this.writer.save(manager, locked, { action: 'update', actorId: actor.id, state, prepared: full });
    });
    return { ...(await this.viewFor(actor, doc)), warnings };
  }

  async publish(actor: Actor, id: string): Promise<DocumentView> {
    const access = await this.access.require(actor, id, 'read');
    if (access.doc.status === 'published') throw conflict('This document is already published');
    await this.access.require(actor, id, 'publish');
    const doc = await this.change(actor, id, undefined, async (manager, locked) => {
      if (locked.status === 'published') throw conflict('This document is already published');
      const state: DocumentState = { ...(await readState(manager, locked)), status: 'published' };
      Object.assign(locked, { publishedInGroupAt: new Date(), publishedById: actor.id });
      const saved = await this.writer.save(manager, locked, { action: 'publish', actorId: actor.id, state });
      await this.events.emit(manager, 'document.published', { doc: saved, actor });
      return saved;
    });
    return this.viewFor(actor, doc);
  }

  /** Soft delete: the document and its revisions stay, visible to admins, who may restore them. */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.access.require(actor, id, 'delete');
    await this.change(actor, id, undefined, async (manager, locked) => {
      const state = await readState(manager, locked);
      Object.assign(locked, { deletedAt: new Date(), deletedById: actor.id });
      return this.writer.save(manager, locked, { action: 'delete', actorId: actor.id, state });
    });
  }

  async undelete(actor: Actor, id: string): Promise<DocumentView> {
    await this.access.require(actor, id, 'restore');
    const doc = await this.change(actor, id, undefined, async (manager, locked) => {
      if (!locked.deletedAt) throw conflict('This document is not deleted');
      const state = await readState(manager, locked);
      Object.assign(locked, { deletedAt: null, deletedById: null });
      return this.writer.save(manager, locked, { action: 'undelete', actorId: actor.id, state });
    });
    return this.viewFor(actor, doc);
  }

  /** Moves a document to another group: its author or a facilitator, who must contribute there. */
  async move(actor: Actor, id: string, dto: MoveDocumentDto): Promise<DocumentView> {
    const access = await this.access.require(actor, id, 'delete');
    if (dto.groupId === access.doc.groupId) throw invalid('groupId', 'the document is already in this group');
    await this.access.group(actor, dto.groupId, 'contribute');
    const doc = await this.changePrepared(
      actor,
      id,
      dto.baseVersion,
      // Wiki links resolve in the new group.
      (seen) => this.writer.prepare(null, dto.groupId, seen, id),
      async (manager, locked, prepared) => {
        const state: DocumentState = {
          ...(await readState(manager, locked)),
          groupId: dto.groupId,
          parentId: null,
        };
        // The page tree and the uploaded file are per group: children stay behind as roots.
        await manager.update(Document, { parentId: locked.id }, { parentId: null });
        if (locked.fileId) await manager.update(StoredFile, { id: locked.fileId }, { groupId: dto.groupId });
        return this.writer.save(manager, locked, { action: 'move', actorId: actor.id, state, prepared });
      },
    );
    return this.viewFor(actor, doc);
  }

  /**
   * Runs a change on the locked current row, checking `baseVersion` first: a stale one
   * rolls back and answers 409 with the current document, so the client can show both.
   */
  async change(
    actor: Actor,
    id: string,
    baseVersion: number | undefined,
    apply: (manager: EntityManager, locked: Document) => Promise<Document>,
  ): Promise<Document> {
    try {
      return await this.events.transaction(async (manager) => {
        const locked = await manager.findOne(Document, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!locked) throw new AppError('not_found', 'Document not found');
        if (baseVersion !== undefined && baseVersion !== locked.version) throw new StaleVersion(locked.version);
        return apply(manager, locked);
      });
    } catch (e) {
      if (!(e instanceof StaleVersion)) throw e;
      const view = await this.viewFor(actor, { id } as Document);
      throw conflict(`The document changed since version ${baseVersion}; it is now at version ${e.current}`, [
        { field: 'baseVersion', reason: 'stale', currentVersion: e.current, current: view },
      ]);
    }
  }

  /**
   * change(), with the expensive read-only part (rendering) done first, outside the
   * transaction, on the row as it was then: a render never holds a connection (PGlite has
   * one). Should another save move the row on meanwhile, it is prepared again, up to 3 times.
   */
  async changePrepared<P>(
    actor: Actor,
    id: string,
    baseVersion: number | undefined,
    prepare: (seen: Document) => Promise<P>,
    apply: (manager: EntityManager, locked: Document, prepared: P) => Promise<Document>,
  ): Promise<Document> {
    for (let attempt = 1; ; attempt++) {
      const seen = await this.dataSource.manager.findOneBy(Document, { id });
      if (!seen) throw new AppError('not_found', 'Document not found');
      const prepared = await prepare(seen);
      try {
        return await this.change(actor, id, baseVersion, async (manager, locked) => {
          if (locked.version !== seen.version) throw new MovedOn();
          return apply(manager, locked, prepared);
        });
      } catch (e) {
        if (!(e instanceof MovedOn)) throw e;
        if (attempt === 3) throw conflict('The document is being changed by others; try again');
      }
    }
  }

  private async viewFor(actor: Actor, doc: Document): Promise<DocumentView> {
    const access = await this.access.require(actor, doc.id, 'read');
    return this.reader.view(access.doc, this.access.abilities(actor, access, access.doc));
  }

  /** A CI note on a source that already has one in the group warns (with a link), but is saved. */
  private async duplicateWarnings(
    actor: Actor,
    access: GroupAccess,
    kind: DocumentKind,
    state: DocumentState,
    selfId: string | null,
    manager?: EntityManager,
  ): Promise<DocumentWarning[]> {
    if (kind !== 'ci_note' || !state.sourceUrl) return [];
    const existing = await this.checks.sameSource(actor, access, state.groupId, state.sourceUrl, selfId, manager);
    return existing.map((d) => ({
      code: 'duplicate_source',
      message: `A CI note on this source already exists in the group: "${d.title}"`,
      document: { id: d.id, title: d.title, url: `/api/documents/${d.id}` },
    }));
  }
}
