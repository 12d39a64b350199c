import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { DomainEvents } from '../domain-events/domain-events';
import { MarkdownRenderer, TooComplexToRender } from '../markdown/markdown-renderer';
import { WikiLinkTargets, WikiTarget, wikiLinkTitles } from '../markdown/wiki-links';
import { DocumentLink } from './document-link.entity';
import type { LinkTargetChanged } from './document.events';
import { Document } from './document.entity';
import { documentRoute, titleKey } from './rules';

export interface RenderedBody {
  html: string;
  /** One per distinct `[[title]]`, with the document it resolves to now (or null). */
  links: Array<{ key: string; targetId: string | null }>;
}

/**
 * Renders bodies through THE renderer with `[[Page title]]` resolved within the group,
 * and keeps `document_links` (and so backlinks) in step: a document's own links on every
 * save, and the documents linking to a title when a page with that title appears, is
 * renamed, published, deleted or moved.
 */
@Injectable()
export class WikiLinker implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly markdown: MarkdownRenderer,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.events.onAfterCommit('document.linkTargetChanged', (change) => this.refreshLinksTo(change));
  }

  /** Titles resolve to published, non-deleted documents of the group; pages win over other kinds. */
  async resolve(manager: EntityManager | null, groupId: string, keys: string[]): Promise<Map<string, Document>> {
    const found = new Map<string, Document>();
    if (keys.length === 0) return found;
    const rows = await (manager ?? this.dataSource.manager)
      .createQueryBuilder(Document, 'd')
      .select(['d.id', 'd.groupId', 'd.titleKey', 'd.kind'])
      .where('d.group_id = :groupId AND d.title_key IN (:...keys)', { groupId, keys })
      .andWhere(`d.status = 'published' AND d.deleted_at IS NULL`)
      .orderBy(`CASE WHEN d.kind = 'page' THEN 0 ELSE 1 END`)
      .addOrderBy('d.created_at', 'ASC')
      .getMany();
    for (const row of rows) if (!found.has(row.titleKey)) found.set(row.titleKey, row);
    return found;
  }

  /** Renders a body with its wiki links resolved in the group; `field` names it in a refusal. */
  async render(
    manager: EntityManager | null,
    groupId: string,
    body: string,
    selfId?: string,
    field = 'body',
  ): Promise<RenderedBody> {
    const { wikiLinks, links } = await this.targets(manager, groupId, body, selfId);
    return { html: await this.markdown.render(body, { wikiLinks, field }), links };
  }

  /**
   * What each distinct title of the body resolves to, in one query: as a plain map for the
   * renderer (which may run it on a worker thread), and as the rows of `document_links`.
   */
  private async targets(
    manager: EntityManager | null,
    groupId: string,
    body: string,
    selfId?: string,
  ): Promise<{ wikiLinks: WikiLinkTargets; links: RenderedBody['links'] }> {
    const titles = wikiLinkTitles(body);
    const keys = [...new Set(titles.map(titleKey))];
    const targets = await this.resolve(manager, groupId, keys);
    const wikiLinks = new Map<string, WikiTarget | null>();
    for (const title of titles) {
      const target = targets.get(titleKey(title));
      wikiLinks.set(title, target ? { href: documentRoute(groupId, target.id), pageId: target.id } : null);
    }
    const links = keys.map((key) => {
      const target = targets.get(key);
      return { key, targetId: target && target.id !== selfId ? target.id : null };
    });
    return { wikiLinks, links };
  }

  /** Replaces a document's outgoing links (inside the caller's transaction). */
  async saveLinks(manager: EntityManager, doc: Document, links: RenderedBody['links']): Promise<void> {
    await manager.delete(DocumentLink, { sourceId: doc.id });
    if (links.length === 0) return;
    await manager.insert(
      DocumentLink,
      links.map((l) => ({ sourceId: doc.id, groupId: doc.groupId, targetKey: l.key, targetId: l.targetId })),
    );
  }

  /**
   * Re-renders the documents whose links may now resolve differently because a document was
   * created, renamed, published, deleted or moved: those linking to its old or new title in
   * its old or new group, and those that pointed at it. After commit, each outside any
   * transaction, so a long render holds no connection; stored only if the document is still
   * the version rendered (else rendered again). Rendering is derived data, so this changes
   * neither their version nor their revisions.
   */
  async refreshLinksTo({ documentId, places }: LinkTargetChanged): Promise<void> {
    const qb = this.dataSource.manager
      .createQueryBuilder(DocumentLink, 'l')
      .select('DISTINCT l.source_id', 'source_id')
      .where('l.source_id <> :id', { id: documentId })
      .andWhere(
        new Brackets((w) => {
          w.where('l.target_id = :id', { id: documentId });
          places.forEach((p, i) =>
            w.orWhere(`(l.group_id = :g${i} AND l.target_key = :k${i})`, { [`g${i}`]: p.groupId, [`k${i}`]: p.key }),
          );
        }),
      );
    const sourceIds = (await qb.getRawMany<{ source_id: string }>()).map((r) => r.source_id);
    for (const sourceId of sourceIds) await this.refresh(sourceId);
  }

  private async refresh(sourceId: string, attempts = 3): Promise<void> {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const source = await this.dataSource.manager.findOne(Document, {
        where: { id: sourceId },
        select: { id: true, groupId: true, body: true, version: true },
      });
      if (!source) return;
      const { wikiLinks, links } = await this.targets(null, source.groupId, source.body, source.id);
      let html: string | null = null;
      try {
        html = await this.markdown.render(source.body, { wikiLinks });
      } catch (e) {
        // Another document's save must not fail because this one, which rendered when it was
        // saved, is over the time limit now: it keeps its rendering; its links still move.
        if (!(e instanceof TooComplexToRender)) throw e;
      }
      const stored = await this.dataSource.transaction(async (manager) => {
        const current = await manager.findOne(Document, {
          where: { id: sourceId },
          select: { id: true, groupId: true, version: true },
          lock: { mode: 'pessimistic_write' },
        });
        if (!current || current.version !== source.version) return false;
        if (html !== null) {
          await manager.update(Document, { id: sourceId }, { bodyHtml: html, updatedAt: () => 'updated_at' });
        }
        await this.saveLinks(manager, current, links);
        return true;
      });
      if (stored) return;
    }
  }
}
