import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { notFound } from '../common/errors';
import { canManageGroupContent } from '../groups/access';
import { DocumentAccess } from './document-access';
import { DocumentReader, personRef } from './document-reader';
import { DocumentRevision } from './document-revision.entity';
import { DocumentView } from './document.view';
import { DocumentState, readState } from './document-state';
import { DocumentWriter } from './document-writer';
import { DocumentsService } from './documents.service';
import { KnowledgeChecks } from './knowledge-checks';
import { changedFields, lineDiff } from './revision-diff';
import { User } from '../users/user.entity';
import type { RevisionDiff, RevisionSummary, RevisionView } from './revision.view';

/** The history of a document: list, read, compare, and restore (as a new revision). */
@Injectable()
export class RevisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: DocumentAccess,
    private readonly reader: DocumentReader,
    private readonly writer: DocumentWriter,
    private readonly checks: KnowledgeChecks,
    private readonly documents: DocumentsService,
  ) {}

  async list(actor: Actor, documentId: string): Promise<RevisionSummary[]> {
    await this.access.require(actor, documentId, 'read');
    const rows = await this.dataSource.manager.find(DocumentRevision, {
      where: { documentId },
      select: { id: true, version: true, action: true, title: true, authorId: true, createdAt: true },
      order: { version: 'DESC' },
    });
    const people = await this.reader.people(rows.map((r) => r.authorId));
    return rows.map((r) => this.summary(r, people));
  }

  async get(actor: Actor, documentId: string, version: number): Promise<RevisionView> {
    await this.access.require(actor, documentId, 'read');
    const r = await this.load(documentId, version);
    const people = await this.reader.people([r.authorId]);
    return { ...this.summary(r, people), documentId, body: r.body, fields: r.fields };
  }

  async diff(actor: Actor, documentId: string, a: number, b: number): Promise<RevisionDiff> {
    await this.access.require(actor, documentId, 'read');
    const [from, to] = await Promise.all([this.load(documentId, a), this.load(documentId, b)]);
    return {
      documentId,
      from: a,
      to: b,
      title: { from: from.title, to: to.title },
      body: lineDiff(from.body, to.body),
      changedFields: changedFields({ ...from.fields }, { ...to.fields }),
    };
  }

  /**
   * Brings back an old revision's title, body and fields as a new revision. The lifecycle
   * (status, group) stays as it is now, and references that no longer hold are dropped.
   */
  async restore(actor: Actor, documentId: string, version: number, baseVersion?: number): Promise<DocumentView> {
    const access = await this.access.require(actor, documentId, 'edit');
    const old = await this.load(documentId, version);
    const doc = await this.documents.changePrepared(
      actor,
      documentId,
      baseVersion,
      // Wiki links resolve in the group the document is in now.
      (seen) => this.writer.prepare(null, seen.groupId, { ...old.fields, body: old.body }, documentId),
      async (manager, locked, prepared) => {
        const current = await readState(manager, locked);
        const state: DocumentState = {
          ...old.fields,
          title: old.title,
          body: old.body,
          status: current.status,
          groupId: current.groupId,
          templateFor: canManageGroupContent(actor, access.role) ? old.fields.templateFor : current.templateFor,
        };
        state.parentId = await this.stillValid(
          () => this.checks.references(actor, access, { ...state, fileId: null }, locked, manager),
          state.parentId,
        );
        state.fileId = await this.stillValid(
          () => this.checks.references(actor, access, { ...state, parentId: null }, locked, manager),
          state.fileId,
        );
        return this.writer.save(manager, locked, { action: 'restore', actorId: actor.id, state, prepared });
      },
    );
    return this.documents.get(actor, doc.id);
  }

  private async stillValid<T>(check: () => Promise<void>, value: T): Promise<T | null> {
    try {
      await check();
      return value;
    } catch {
      return null;
    }
  }

  private async load(documentId: string, version: number): Promise<DocumentRevision> {
    const r = await this.dataSource.manager.findOneBy(DocumentRevision, { documentId, version });
    if (!r) throw notFound('Revision');
    return r;
  }

  private summary(r: DocumentRevision, people: Map<string, User>): RevisionSummary {
    const author = r.authorId ? people.get(r.authorId) : undefined;
    return {
      version: r.version,
      action: r.action,
      title: r.title,
      author: author ? personRef(author) : null,
      createdAt: r.createdAt,
    };
  }
}
