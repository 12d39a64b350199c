import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../auth/actor';
import { forbidden } from '../common/errors';
import { GroupAccess } from '../groups/groups.policy';
import { DocumentAccess } from './document-access';
import { DocumentLink } from './document-link.entity';
import { DocumentReader } from './document-reader';
import type { DocumentList, DocumentSummary, TagCount } from './document.view';
import { Document } from './document.entity';
import { ListDocumentsQuery } from './dto/list.dto';
import { normaliseTags, seesDeleted, visibleDraftsSql } from './rules';

/** Read-only lists over a group's knowledge: documents, tags with counts, templates, backlinks. */
@Injectable()
export class DocumentListsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: DocumentAccess,
    private readonly reader: DocumentReader,
  ) {}

  /** Published documents, plus drafts the actor may see (their own; all of them for facilitators). */
  private visibleTo(qb: SelectQueryBuilder<Document>, actor: Actor, access: GroupAccess): void {
    qb.andWhere('d.deleted_at IS NULL');
    const drafts = visibleDraftsSql(actor, access.role, 'd');
    if (drafts) qb.andWhere(drafts.sql, drafts.params);
  }

  async list(actor: Actor, groupId: string, q: ListDocumentsQuery): Promise<DocumentList> {
    const access = await this.access.group(actor, groupId, 'read');
    const qb = this.dataSource.manager.createQueryBuilder(Document, 'd').where('d.group_id = :groupId', { groupId });
    if (q.deleted) {
      if (!seesDeleted(actor)) throw forbidden('Only admins list deleted documents');
      qb.andWhere('d.deleted_at IS NOT NULL');
    } else {
      this.visibleTo(qb, actor, access);
    }
    if (q.kind) qb.andWhere('d.kind = :kind', { kind: q.kind });
    if (q.status) qb.andWhere('d.status = :status', { status: q.status });
    if (q.tag) qb.andWhere(':tag = ANY(d.tags)', { tag: normaliseTags([q.tag])[0] ?? '' });
    if (q.parentId) qb.andWhere('d.parent_id = :parentId', { parentId: q.parentId });
    if (q.templates) qb.andWhere('d.template_for IS NOT NULL');
    qb.orderBy('d.updated_at', 'DESC')
      .addOrderBy('d.id')
      .skip(q.offset ?? 0)
      .take(q.limit ?? 100);
    const [docs, total] = await qb.getManyAndCount();
    return { items: await this.reader.summaries(docs), total };
  }

  async tags(actor: Actor, groupId: string): Promise<TagCount[]> {
    await this.access.group(actor, groupId, 'read');
    const rows = await this.dataSource.query<Array<{ tag: string; count: number }>>(
      `SELECT t.tag, count(*)::int AS count
         FROM documents d CROSS JOIN LATERAL unnest(d.tags) AS t(tag)
        WHERE d.group_id = $1 AND d.deleted_at IS NULL AND d.status = 'published'
        GROUP BY t.tag ORDER BY count DESC, t.tag ASC`,
      [groupId],
    );
    return rows;
  }

  async templates(actor: Actor, groupId: string): Promise<DocumentSummary[]> {
    return (await this.list(actor, groupId, { templates: true, limit: 200 })).items;
  }

  /**
   * Documents whose `[[links]]` resolve to this one, as far as the actor may see them. Links
   * resolve within a group, so only sources in the document's own group count: the caller's
   * access there (checked above) is what `visibleTo` applies, never another group's.
   */
  async backlinks(actor: Actor, id: string): Promise<DocumentSummary[]> {
    const access = await this.access.require(actor, id, 'read');
    const qb = this.dataSource.manager
      .createQueryBuilder(Document, 'd')
      .innerJoin(DocumentLink, 'l', 'l.source_id = d.id')
      .where('l.target_id = :id AND d.group_id = :groupId', { id, groupId: access.doc.groupId })
      .orderBy('d.title', 'ASC');
    this.visibleTo(qb, actor, access);
    return this.reader.summaries(await qb.getMany());
  }
}
