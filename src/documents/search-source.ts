import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import type { EngineChange } from '../search/search-engine';
import { Location, SearchSources } from '../search/search-sources';
import { searchChange } from './document-search-change';
import { readState } from './document-state';
import { Document } from './document.entity';
import { documentRoute } from './rules';

/** Offers every published, live document to a full reindex, in id order, and says where hits are now. */
@Injectable()
export class DocumentSearchSource implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: SearchSources,
  ) {}

  onModuleInit(): void {
    this.sources.register({
      type: 'document',
      count: () => this.count(),
      batches: (n) => this.batches(n),
      locate: (ids) => this.locate(ids),
    });
  }

  /** What search may show now: published and not deleted, as in `searchChange`, in its current group. */
  private async locate(ids: string[]): Promise<Map<string, Location>> {
    const rows = await this.dataSource.query<Array<{ id: string; group_id: string }>>(
      `SELECT id, group_id FROM documents WHERE id = ANY($1::uuid[]) AND status = 'published' AND deleted_at IS NULL`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { groupId: r.group_id, url: documentRoute(r.group_id, r.id) }]));
  }

  private count(): Promise<number> {
    return this.dataSource.manager.countBy(Document, { status: 'published', deletedAt: IsNull() });
  }

  private async *batches(size: number): AsyncIterable<EngineChange[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const docs = await this.dataSource.manager.find(Document, {
        where: { status: 'published', deletedAt: IsNull(), id: MoreThan(after) },
        order: { id: 'ASC' },
        take: size,
      });
      if (docs.length === 0) return;
      const batch: EngineChange[] = [];
      for (const doc of docs) {
        const manager = this.dataSource.manager;
        const change = await searchChange(manager, doc, await readState(manager, doc));
        batch.push({ ...change, version: Number(change.version) } as EngineChange);
      }
      yield batch;
      after = docs[docs.length - 1].id;
    }
  }
}
