import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import type { EngineChange } from '../search/search-engine';
import { SearchSources } from '../search/search-sources';
import { DocumentWriter } from './document-writer';
import { Document } from './document.entity';

/** Offers every published, live document to a full reindex, in id order. */
@Injectable()
export class DocumentSearchSource implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: SearchSources,
    private readonly writer: DocumentWriter,
  ) {}

  onModuleInit(): void {
    this.sources.register({ type: 'document', count: () => this.count(), batches: (n) => this.batches(n) });
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
        const change = await this.writer.searchChange(manager, doc, await this.writer.stateOf(manager, doc));
        batch.push({ ...change, version: Number(change.version) } as EngineChange);
      }
      yield batch;
      after = docs[docs.length - 1].id;
    }
  }
}
