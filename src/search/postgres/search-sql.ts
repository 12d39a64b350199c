import { fold } from '../highlight';
import type { SearchQuery } from '../search-engine';

/** Rows considered for ranking: enough for relevance, bounded so common words stay fast. */
export const CANDIDATE_LIMIT = 1000;
const COLUMNS = 'e.type, e.id, e.group_id, e.kind, e.title, e.url, e.tags, e.body, e.updated_at, e.tsv, e.title_folded';
/** Below this many full-text matches, titles and tags are also matched by trigram similarity. */
export const FUZZY_BELOW = 20;

/** Letters and digits only: safe to quote into a tsquery lexeme. */
export function queryWords(q: string): string[] {
  return fold(q).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Builds the one search statement: candidates (full-text OR trigram title match, inside the
 * caller's groups and filters, bounded), ranked, with facets and total from the same
 * candidates, and headlines computed only for the page returned.
 */
export function buildSearchSql(query: SearchQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const words = queryWords(query.q);
  const last = words.at(-1) ?? '';
  const head = words.slice(0, -1).join(' ');
  const qParam = p(query.q);
  // Whole words in three configurations (exact, English stems, Spanish stems), OR the
  // typed words with the last one as a prefix, for search-as-you-type.
  const prefix = last
    ? `(websearch_to_tsquery('auzolan_simple', ${p(head)}) && to_tsquery('auzolan_simple', ${p(`'${last}':*`)}))`
    : `''::tsquery`;
  const tsq = `(websearch_to_tsquery('auzolan_simple', ${qParam}) || websearch_to_tsquery('auzolan_en', ${qParam}) || websearch_to_tsquery('auzolan_es', ${qParam}) || ${prefix})`;
  const folded = p(fold(query.q).trim());

  const where = ['NOT e.deleted', `e.group_id = ANY(${p(query.filter.groupIds)}::uuid[])`];
  const f = query.filter;
  if (f.kinds?.length) where.push(`e.kind = ANY(${p(f.kinds)}::text[])`);
  if (f.tags?.length) where.push(`e.tags @> ${p(f.tags)}::text[]`);
  if (f.groupId) where.push(`e.group_id = ${p(f.groupId)}`);
  if (f.authorId) where.push(`e.author_id = ${p(f.authorId)}`);
  if (f.organisationId) where.push(`e.organisation_id = ${p(f.organisationId)}`);
  if (f.from) where.push(`e.created_at >= ${p(f.from.toISOString())}`);
  if (f.to) where.push(`e.created_at <= ${p(f.to.toISOString())}`);

  // Candidates come from the GIN indexes (full text; trigram on titles and tags, only when
  // full text finds little), filtered by group and filters on the way, bounded, and only
  // then ranked: nothing walks a whole group computing ranks or similarities row by row.
  const sql = `
WITH q AS (SELECT ${tsq} AS tsq, ${folded}::text AS qf),
f AS MATERIALIZED (
  SELECT ${COLUMNS}, false AS fuzzy FROM search_entries e
  WHERE e.tsv @@ ${tsq} AND ${where.join(' AND ')} LIMIT ${CANDIDATE_LIMIT}
),
-- Typo tolerance only when the words themselves find little (the check runs once, not per row).
t AS (
  SELECT ${COLUMNS}, true AS fuzzy FROM search_entries e
  WHERE (SELECT count(*) FROM f) < ${FUZZY_BELOW} AND ${folded}::text <% e.title_folded AND ${where.join(' AND ')}
    AND NOT EXISTS (SELECT 1 FROM f WHERE f.type = e.type AND f.id = e.id)
  LIMIT ${CANDIDATE_LIMIT}
),
c AS (
  SELECT m.*, ts_rank(m.tsv, q.tsq) + CASE WHEN m.fuzzy THEN 0.5 * word_similarity(q.qf, m.title_folded) ELSE 0 END AS score
  FROM (SELECT * FROM f UNION ALL SELECT * FROM t) m, q
),
page AS (SELECT * FROM c ORDER BY score DESC, updated_at DESC, id LIMIT ${p(query.limit)} OFFSET ${p(query.offset)})
SELECT
  (SELECT count(*)::int FROM c) AS total,
  (SELECT coalesce(jsonb_object_agg(kind, n), '{}') FROM (SELECT kind, count(*)::int n FROM c GROUP BY kind) k) AS kinds,
  (SELECT coalesce(jsonb_object_agg(tag, n), '{}') FROM
    (SELECT tag, count(*)::int n FROM c, unnest(c.tags) AS tag GROUP BY tag ORDER BY n DESC, tag LIMIT 30) t) AS tags,
  (SELECT coalesce(jsonb_object_agg(group_id, n), '{}') FROM (SELECT group_id, count(*)::int n FROM c GROUP BY group_id) g) AS groups,
  (SELECT coalesce(jsonb_agg(h ORDER BY h.score DESC, h.id), '[]') FROM (
    SELECT page.type, page.id, page.group_id, page.kind, page.title, page.url, page.score,
      ts_headline('auzolan_simple', left(page.body, 5000), q.tsq,
        'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=30, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "') AS snippet,
      ts_headline('auzolan_simple', page.title, q.tsq, 'HighlightAll=true, StartSel=' || chr(1) || ', StopSel=' || chr(2)) AS title_hl
    FROM page, q) h) AS hits`;
  return { sql, params };
}
