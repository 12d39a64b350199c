import type { SearchableType, SearchDocument } from './search-document';

/** A change for the engine, carrying the entity's version so stale changes are ignored. */
export type EngineChange =
  | { op: 'upsert'; version: number; document: SearchDocument }
  | { op: 'delete'; version: number; type: SearchableType; id: string };

/** Built on the server from the session: `groupIds` is always the caller's readable groups. */
export interface SearchFilter {
  groupIds: string[];
  kinds?: string[];
  tags?: string[];
  groupId?: string;
  authorId?: string;
  organisationId?: string;
  from?: Date;
  to?: Date;
}

/**
 * `full` (the default) ranks every kind of match; `prefix` is search-as-you-type: the last
 * word is a prefix, only the best few candidates are ranked, and total and facets are
 * approximate.
 */
export type SearchMode = 'full' | 'prefix';

export interface SearchQuery {
  q: string;
  filter: SearchFilter;
  limit: number;
  offset: number;
  mode?: SearchMode;
}

export interface SearchHit {
  type: SearchableType;
  id: string;
  groupId: string;
  kind: string;
  title: string;
  /** Safe HTML: escaped text whose only markup is <mark>. */
  snippet: string;
  score: number;
  url: string;
}

export interface SearchFacets {
  kind: Record<string, number>;
  tag: Record<string, number>;
  groupId: Record<string, number>;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  facets: SearchFacets;
}

/** The key of an indexed entity and the version the engine holds. */
export interface IndexedVersion {
  type: SearchableType;
  id: string;
  version: number;
  deleted: boolean;
}

export interface EngineHealth {
  ok: boolean;
  detail: string;
}

/**
 * THE search port. Adapters: PostgresSearchEngine (default, also embedded) and
 * MeilisearchSearchEngine. Every search goes through it; the filter always carries the
 * group ids the caller may read.
 */
export abstract class SearchEngine {
  abstract readonly name: 'postgres' | 'meilisearch';

  /** Creates indexes/settings; safe to call at every start. */
  abstract bootstrap(): Promise<void>;

  /** Applies changes idempotently: a change older than what the engine holds is ignored. */
  abstract apply(changes: EngineChange[]): Promise<void>;

  abstract search(query: SearchQuery): Promise<SearchResult>;

  /**
   * Replaces the whole index with what `source` yields, online: searches keep working
   * during the rebuild and see the new index once it is complete.
   */
  abstract rebuild(source: AsyncIterable<EngineChange[]>, onBatch?: (count: number) => void): Promise<void>;

  /** Every entity the engine holds, with its version (for convergence checks). */
  abstract versions(): Promise<IndexedVersion[]>;

  abstract health(): Promise<EngineHealth>;

  /**
   * Called by the outbox worker when a drain finds nothing to do: upkeep that would stall a
   * busy server (on PGlite, the server's one thread) waits for such a moment.
   */
  async idle(): Promise<void> {}
}
