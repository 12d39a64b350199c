import type { DataSource, EntityManager } from 'typeorm';
import { latestPerEntity } from '../changes';
import { markersToHtml, stripMarkers } from '../highlight';
import { EngineChange, EngineHealth, IndexedVersion, SearchEngine, SearchQuery, SearchResult } from '../search-engine';
import { buildSearchSql } from './search-sql';

/** Text beyond this is not indexed: tsvector positions stop at 16,383 anyway. */
const MAX_INDEXED_BODY = 100_000;

/** Rows written before statistics are refreshed at the next quiet moment (see idle()). */
const ANALYZE_EVERY = 2000;
/** Rows written before they are refreshed at once: a bulk load cannot wait for quiet. */
const ANALYZE_NOW = 20_000;

const CONFIG_SQL = `(CASE r.language WHEN 'en' THEN 'auzolan_en' WHEN 'es' THEN 'auzolan_es' ELSE 'auzolan_simple' END)::regconfig`;

/** The stemmed vector of a text whose language is known; none otherwise (it would repeat the simple one). */
const stemmed = (text: string, weight: 'A' | 'C'): string =>
  `(CASE WHEN r.language IN ('en', 'es') THEN setweight(to_tsvector(${CONFIG_SQL}, ${text}), '${weight}') ELSE ''::tsvector END)`;

/**
 * An upsert applies when it is newer, or the same version re-announced (e.g. after a group's
 * visibility changed) unless that version was deleted: a tombstone only yields to a newer
 * version (or to a rebuild, whose source is the truth).
 *
 * Title (A), tags and extra fields (B), body (C); every text is indexed with the accent-folding
 * `simple` configuration (exact words, any language) and, when the language is known, with
 * the English or Spanish stemmer as well.
 */
const UPSERT_SQL = `
INSERT INTO search_entries AS e (type, id, version, deleted, group_id, kind, title, body, tags, author_id,
  organisation_id, language, url, extra, created_at, updated_at, tsv, title_folded, generation)
SELECT r.type, r.id, r.version, false, r.group_id, r.kind, r.title, r.body, r.tags, r.author_id,
  r.organisation_id, r.language, r.url, r.extra, r.created_at, r.updated_at,
  setweight(to_tsvector('auzolan_simple', r.title), 'A') || ${stemmed('r.title', 'A')} ||
  setweight(to_tsvector('auzolan_simple', array_to_string(r.tags, ' ') || ' ' || r.extra_text), 'B') ||
  setweight(to_tsvector('auzolan_simple', r.body), 'C') || ${stemmed('r.body', 'C')},
  lower(unaccent(r.title || ' ' || array_to_string(r.tags, ' '))),
  $2
FROM jsonb_to_recordset($1::jsonb) AS r(type text, id uuid, version bigint, group_id uuid, kind text, title text,
  body text, tags text[], author_id uuid, organisation_id uuid, language text, url text, extra jsonb,
  extra_text text, created_at timestamptz, updated_at timestamptz)
ON CONFLICT (type, id) DO UPDATE SET version = EXCLUDED.version, deleted = false, group_id = EXCLUDED.group_id,
  kind = EXCLUDED.kind, title = EXCLUDED.title, body = EXCLUDED.body, tags = EXCLUDED.tags,
  author_id = EXCLUDED.author_id, organisation_id = EXCLUDED.organisation_id, language = EXCLUDED.language,
  url = EXCLUDED.url, extra = EXCLUDED.extra, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at,
  tsv = EXCLUDED.tsv, title_folded = EXCLUDED.title_folded, generation = EXCLUDED.generation
WHERE e.version < EXCLUDED.version OR (e.version = EXCLUDED.version AND (NOT e.deleted OR e.generation < EXCLUDED.generation))`;

/** A delete leaves a tombstone holding its version; it wins over an upsert of the same version. */
const DELETE_SQL = `
INSERT INTO search_entries AS e (type, id, version, deleted, created_at, updated_at, tsv, generation)
SELECT r.type, r.id, r.version, true, now(), now(), ''::tsvector, $2
FROM jsonb_to_recordset($1::jsonb) AS r(type text, id uuid, version bigint)
ON CONFLICT (type, id) DO UPDATE SET version = EXCLUDED.version, deleted = true, group_id = NULL, title = '',
  body = '', tags = '{}', extra = NULL, tsv = ''::tsvector, title_folded = '', generation = EXCLUDED.generation
WHERE e.version <= EXCLUDED.version`;

interface SearchRow {
  total: number;
  kinds: Record<string, number>;
  tags: Record<string, number>;
  groups: Record<string, number>;
  hits: Array<{
    type: 'document' | 'message';
    id: string;
    group_id: string;
    kind: string;
    title: string;
    url: string;
    score: number;
    snippet: string;
    title_hl: string;
  }>;
}

/**
 * The default engine: Postgres full-text search in the same database, on PGlite and on a
 * server alike. Its writes are conditional upserts, so applying changes is idempotent and a
 * stale version can never overwrite a newer one.
 */
export class PostgresSearchEngine extends SearchEngine {
  readonly name = 'postgres' as const;
  /** Rows written since the last ANALYZE (PGlite has no autovacuum to keep statistics fresh). */
  private writtenSinceAnalyze = 0;

  /** `prefixProbePages` is for tests, to make search-as-you-type go past its probe. */
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { prefixProbePages?: number } = {},
  ) {
    super();
  }

  async bootstrap(): Promise<void> {
    // The table, configurations and indexes come from migrations.
  }

  async apply(changes: EngineChange[], generation = 0, manager?: EntityManager): Promise<void> {
    const latest = latestPerEntity(changes);
    const upserts = latest.flatMap((c) => (c.op === 'upsert' ? [c] : []));
    const deletes = latest.flatMap((c) => (c.op === 'delete' ? [c] : []));
    const run = async (m: EntityManager): Promise<void> => {
      if (upserts.length) {
        const rows = upserts.map(({ version, document: d }) => ({
          type: d.type,
          id: d.id,
          version,
          group_id: d.groupId,
          kind: d.kind,
          title: stripMarkers(d.title),
          body: stripMarkers(d.body).slice(0, MAX_INDEXED_BODY),
          tags: d.tags.map(stripMarkers),
          author_id: d.authorId,
          organisation_id: d.organisationId,
          language: d.language,
          url: d.url,
          extra: d.extra ?? null,
          extra_text: stripMarkers(Object.values(d.extra ?? {}).join(' ')),
          created_at: d.createdAt,
          updated_at: d.updatedAt,
        }));
        await m.query(UPSERT_SQL, [JSON.stringify(rows), generation]);
      }
      if (deletes.length) {
        const rows = deletes.map((c) => ({ type: c.type, id: c.id, version: c.version }));
        await m.query(DELETE_SQL, [JSON.stringify(rows), generation]);
      }
    };
    if (manager) await run(manager);
    else await this.dataSource.transaction(run);
    this.writtenSinceAnalyze += latest.length;
    if (!manager && this.writtenSinceAnalyze >= ANALYZE_NOW) await this.analyze();
  }

  /**
   * ANALYZE of a table with a few thousand entries or more takes 100–300 ms, which on PGlite
   * stalls every request and socket. Under steady traffic it waits (up to ANALYZE_NOW writes)
   * for the outbox to be empty.
   */
  override async idle(): Promise<void> {
    if (this.writtenSinceAnalyze >= ANALYZE_EVERY) await this.analyze();
  }

  /**
   * Fresh statistics keep the planner on the GIN indexes; stale ones (say, after a bulk
   * load) make it walk a whole group instead.
   */
  private async analyze(): Promise<void> {
    this.writtenSinceAnalyze = 0;
    await this.dataSource.query('ANALYZE search_entries');
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const { sql, params } = buildSearchSql(query, this.options.prefixProbePages);
    const runner = this.dataSource.createQueryRunner();
    let row: SearchRow;
    try {
      // The settings hold for this statement only, opened in one round trip (a parameterless
      // query may carry several statements): on PGlite every extra statement waits on the one
      // session. Typo tolerance: `baterry` is 0.45 word-similar to `battery recycling`. The
      // candidate queries are built for the GIN indexes (and the bounded TID range scan): a
      // sequential or primary-key scan, which the planner picks under a LIMIT for words it
      // believes common, costs a tsquery match per row and walks the whole table when the
      // caller's groups hold few of them.
      await runner.query(
        `BEGIN; SET LOCAL pg_trgm.word_similarity_threshold = 0.4; SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off`,
      );
      try {
        [row] = (await runner.query(sql, params)) as SearchRow[];
      } finally {
        await runner.query('COMMIT'); // read-only: after a failure this ends the aborted transaction
      }
    } finally {
      await runner.release();
    }
    return {
      total: Number(row.total),
      facets: { kind: row.kinds, tag: row.tags, groupId: row.groups },
      hits: row.hits.map((h) => ({
        type: h.type,
        id: h.id,
        groupId: h.group_id,
        kind: h.kind,
        title: h.title,
        snippet: markersToHtml(h.snippet || h.title_hl),
        score: Math.round(h.score * 10_000) / 10_000,
        url: h.url,
      })),
    };
  }

  async rebuild(source: AsyncIterable<EngineChange[]>, onBatch?: (count: number) => void): Promise<void> {
    // Online: rows are rewritten in place with a new generation; searches see old rows
    // until each is replaced, then anything the source no longer has is dropped.
    const [{ next }] = (await this.dataSource.query(
      `SELECT coalesce(max(generation), 0) + 1 AS next FROM search_entries`,
    )) as Array<{ next: string }>;
    const generation = Number(next);
    for await (const batch of source) {
      await this.apply(batch, generation);
      onBatch?.(batch.length);
    }
    // Tombstones stay, so a late stale update still cannot resurrect a deleted entity.
    await this.dataSource.query(`DELETE FROM search_entries WHERE generation < $1 AND NOT deleted`, [generation]);
    await this.analyze();
  }

  async versions(): Promise<IndexedVersion[]> {
    const rows = (await this.dataSource.query(
      `SELECT type, id, version, deleted FROM search_entries ORDER BY type, id`,
    )) as Array<{ type: 'document' | 'message'; id: string; version: string; deleted: boolean }>;
    return rows.map((r) => ({ type: r.type, id: r.id, version: Number(r.version), deleted: r.deleted }));
  }

  async health(): Promise<EngineHealth> {
    try {
      const [{ n }] = (await this.dataSource.query(
        `SELECT count(*)::int AS n FROM search_entries WHERE NOT deleted`,
      )) as Array<{ n: number }>;
      return { ok: true, detail: `${n} entries` };
    } catch (e) {
      return { ok: false, detail: (e as Error).message };
    }
  }
}
