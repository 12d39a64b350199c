import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { invalid } from '../common/errors';
import { GroupAccess } from '../groups/groups.policy';
import { Document } from './document.entity';
import type { DocumentState } from './document-state';
import { handlesFile, normaliseSourceUrl, visibleDraftsSql } from './rules';
import { StoredFile } from './stored-file.entity';

const MAX_DEPTH = 100;

/** Checks of a document's references that need the database: parent page, file, template, duplicates. */
@Injectable()
export class KnowledgeChecks {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Drafts of others are invisible: a reference to one reads like a reference to nothing. */
  private visible(qb: ReturnType<EntityManager['createQueryBuilder']>, actor: Actor, access: GroupAccess): void {
    const drafts = visibleDraftsSql(actor, access.role, 'd');
    if (drafts) qb.andWhere(drafts.sql, drafts.params);
  }

  async template(actor: Actor, groupId: string, templateId: string): Promise<Document> {
    const template = await this.dataSource.manager.findOneBy(Document, { id: templateId });
    if (
      !template ||
      template.groupId !== groupId ||
      template.templateFor === null ||
      template.deletedAt ||
      (template.status !== 'published' && template.authorId !== actor.id)
    ) {
      throw invalid('templateId', 'no such template in this group');
    }
    return template;
  }

  async references(
    actor: Actor,
    access: GroupAccess,
    state: DocumentState,
    current: Document | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (state.parentId !== null && state.parentId !== current?.parentId) {
      await this.checkParent(manager, actor, access, state, current?.id ?? null);
    }
    if (state.fileId !== null && state.fileId !== current?.fileId) {
      const file = await manager.findOneBy(StoredFile, { id: state.fileId });
      if (!file || file.groupId !== state.groupId || !handlesFile(actor, access.role, file.uploadedById))
        throw invalid('fileId', 'no such file in this group');
    }
  }

  /** The parent is a visible page of the same group, and not the page itself or below it. */
  private async checkParent(
    manager: EntityManager,
    actor: Actor,
    access: GroupAccess,
    state: DocumentState,
    selfId: string | null,
  ): Promise<void> {
    const qb = manager
      .createQueryBuilder(Document, 'd')
      .where('d.id = :id AND d.group_id = :groupId', { id: state.parentId, groupId: state.groupId })
      .andWhere(`d.kind = 'page' AND d.deleted_at IS NULL`);
    this.visible(qb, actor, access);
    if (!(await qb.getExists())) throw invalid('parentId', 'no such page in this group');
    let cursor: string | null = state.parentId;
    for (let depth = 0; cursor !== null && depth < MAX_DEPTH; depth++) {
      if (cursor === selfId) throw invalid('parentId', 'a page cannot be placed under itself or its own subpages');
      const row: Pick<Document, 'parentId'> | null = await manager.findOne(Document, {
        where: { id: cursor },
        select: { id: true, parentId: true },
      });
      cursor = row?.parentId ?? null;
    }
    if (cursor !== null) throw invalid('parentId', `pages nest at most ${MAX_DEPTH} deep`);
  }

  /** Other CI notes of the group on the same (normalised) source, that the actor can see. */
  async sameSource(
    actor: Actor,
    access: GroupAccess,
    groupId: string,
    sourceUrl: string,
    selfId: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Array<Pick<Document, 'id' | 'title'>>> {
    const key = normaliseSourceUrl(sourceUrl);
    if (!key) return [];
    const qb = manager
      .createQueryBuilder(Document, 'd')
      .select(['d.id', 'd.title'])
      .where(`d.group_id = :groupId AND d.kind = 'ci_note' AND d.source_url_key = :key`, { groupId, key })
      .andWhere('d.deleted_at IS NULL')
      .orderBy('d.created_at', 'ASC')
      .limit(5);
    if (selfId) qb.andWhere('d.id <> :selfId', { selfId });
    this.visible(qb, actor, access);
    return qb.getMany();
  }
}
