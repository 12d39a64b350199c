import type { SearchableType } from './search-document';
import type { EngineChange } from './search-engine';

/**
 * What a feature offers for a full reindex: every entity it wants searchable, as upserts with
 * their current versions, in batches. Features register one; search never imports them.
 */
export interface SearchSource {
  type: SearchableType;
  count(): Promise<number>;
  batches(batchSize: number): AsyncIterable<EngineChange[]>;
}

export class SearchSources {
  private readonly sources: SearchSource[] = [];

  register(source: SearchSource): void {
    this.sources.push(source);
  }

  all(): readonly SearchSource[] {
    return this.sources;
  }
}
