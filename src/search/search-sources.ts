import type { SearchableType } from './search-document';
import type { EngineChange } from './search-engine';

/** Where a searchable entity is now: its group and its client route there. */
export interface Location {
  groupId: string;
  url: string;
}

/**
 * What a feature offers search: for a full reindex, every entity it wants searchable, as
 * upserts with their current versions, in batches; at query time, where the hits are now.
 * Features register one; search never imports them.
 */
export interface SearchSource {
  type: SearchableType;
  count(): Promise<number>;
  batches(batchSize: number): AsyncIterable<EngineChange[]>;
  /**
   * The current location of each of these ids that is still searchable (exists, is live,
   * and would be indexed now), in one query; the others are left out. The index lags the
   * tables by the outbox, so search checks its hits against this before returning them.
   */
  locate(ids: string[]): Promise<Map<string, Location>>;
}

export class SearchSources {
  private readonly sources: SearchSource[] = [];

  register(source: SearchSource): void {
    this.sources.push(source);
  }

  all(): readonly SearchSource[] {
    return this.sources;
  }

  of(type: SearchableType): SearchSource | undefined {
    return this.sources.find((s) => s.type === type);
  }
}
