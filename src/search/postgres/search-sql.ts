import { fold } from '../highlight';
import type { SearchQuery } from '../search-engine';

/** Rows considered for ranking: enough for relevance, bounded so common words stay fast. */
export const CANDIDATE_LIMIT = 1000;
/** Search-as-you-type shows a dozen titles: a hundred candidates are plenty to rank. */
export const PREFIX_CANDIDATE_LIMIT = 100;
/**
 * Search-as-you-type first looks for its candidates in the table's first pages (a TID range
 * scan: bounded, about 1,500 rows), which a common prefix such as `lib` fills at once, while
 * its GIN bitmap would list tens of thousands of rows. Only a prefix that finds too few there
 * for the page asked (and at least FUZZY_BELOW) goes on to the index, where it is rare enough
 * to be cheap.
 */
export const PREFIX_PROBE_PAGES = 200;
/** Below this many full-text matches, looser matches are added (any word, then trigrams). */
export const FUZZY_BELOW = 20;
/**
 * Trigram candidates are bounded tighter: each costs a word similarity on its title (the GIN
 * trigram index only narrows them), and they rank after every full-text match anyway.
 */
export const FUZZY_LIMIT = 100;
/**
 * As you type, typo tolerance only rescues a query that matches nothing, from this many
 * letters on: a shorter prefix shares trigrams with too much.
 */
export const PREFIX_FUZZY_MIN_LENGTH = 5;

/** Letters and digits only: safe to quote into a tsquery lexeme. */
export function queryWords(q: string): string[] {
  return fold(q).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Candidate columns: narrow, so the candidate set stays small; the page fetches the rest. */
const NARROW = 'e.type, e.id, e.group_id, e.kind, e.tags, e.updated_at';

/**
 * Builds the one search statement: candidates (full text, inside the caller's groups and
 * filters, bounded; looser matches only when they find little), ranked, with facets and total
 * from the same candidates, and titles, bodies and headlines fetched only for the page returned.
 *
 * `mode: 'prefix'` (search-as-you-type) matches the typed words with the last one as a prefix,
 * in the accent-folding `simple` configuration only, over at most PREFIX_CANDIDATE_LIMIT
 * candidates; its total and facets count those candidates.
 */
export function buildSearchSql(query: SearchQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const prefixMode = query.mode === 'prefix';
  const words = queryWords(query.q);
  const last = words.at(-1) ?? '';
  const head = words.slice(0, -1).join(' ');
  // The typed words with the last one as a prefix (`''::tsquery && x` is x).
  const prefix = last
    ? `(websearch_to_tsquery('auzolan_simple', ${p(head)}) && to_tsquery('auzolan_simple', ${p(`'${last}':*`)}))`
    : `''::tsquery`;
  let tsq = prefix;
  if (!prefixMode) {
    // Whole words in three configurations (exact, English stems, Spanish stems), OR the prefix form.
    const qParam = p(query.q);
    tsq = `(websearch_to_tsquery('auzolan_simple', ${qParam}) || websearch_to_tsquery('auzolan_en', ${qParam}) || websearch_to_tsquery('auzolan_es', ${qParam}) || ${prefix})`;
  }
  // When all the words together find little, any of them will do (ranked below): plain
  // words only, since quotes and `-word` mean something an OR would undo.
  const anyWord =
    !prefixMode && words.length > 1 && !/["-]/.test(query.q)
      ? (() => {
          const list = p(words.join(' | '));
          return `(to_tsquery('auzolan_simple', ${list}) || to_tsquery('auzolan_en', ${list}) || to_tsquery('auzolan_es', ${list}))`;
        })()
      : null;
  const foldedText = fold(query.q).trim();
  const fuzzy = !prefixMode || foldedText.length >= PREFIX_FUZZY_MIN_LENGTH;
  const folded = fuzzy ? p(foldedText) : '';
  const limit = prefixMode ? PREFIX_CANDIDATE_LIMIT : CANDIDATE_LIMIT;

  const filters = ['NOT e.deleted', `e.group_id = ANY(${p(query.filter.groupIds)}::uuid[])`];
  const f = query.filter;
  if (f.kinds?.length) filters.push(`e.kind = ANY(${p(f.kinds)}::text[])`);
  if (f.tags?.length) filters.push(`e.tags @> ${p(f.tags)}::text[]`);
  if (f.groupId) filters.push(`e.group_id = ${p(f.groupId)}`);
  if (f.authorId) filters.push(`e.author_id = ${p(f.authorId)}`);
  if (f.organisationId) filters.push(`e.organisation_id = ${p(f.organisationId)}`);
  if (f.from) filters.push(`e.created_at >= ${p(f.from.toISOString())}`);
  if (f.to) filters.push(`e.created_at <= ${p(f.to.toISOString())}`);
  const where = filters.join(' AND ');
  const notIn = (cte: string): string => `NOT EXISTS (SELECT 1 FROM ${cte} x WHERE x.type = e.type AND x.id = e.id)`;

  // Candidates come from the GIN indexes (or, as you type, the first pages), filtered by group
  // and filters on the way, bounded, and ranked as they are found: nothing walks a whole group
  // computing ranks or similarities row by row. Tier orders exact matches before looser ones.
  const ctes: string[] = [];
  const sets: string[] = [];
  if (prefixMode) {
    ctes.push(`probe AS MATERIALIZED (
  SELECT ${NARROW}, ts_rank(e.tsv, ${tsq}) AS score, 0 AS tier FROM search_entries e
  WHERE e.ctid < '(${PREFIX_PROBE_PAGES},0)'::tid AND e.tsv @@ ${tsq} AND ${where} LIMIT ${limit}
)`);
    ctes.push(`m AS MATERIALIZED (
  SELECT * FROM probe
  UNION ALL (
    SELECT ${NARROW}, ts_rank(e.tsv, ${tsq}), 0 FROM search_entries e
    WHERE (SELECT count(*) FROM probe) < ${Math.max(FUZZY_BELOW, query.limit + query.offset)} AND e.tsv @@ ${tsq} AND ${where} AND ${notIn('probe')}
    LIMIT ${limit})
  LIMIT ${limit}
)`);
  } else {
    ctes.push(`m AS MATERIALIZED (
  SELECT ${NARROW}, ts_rank(e.tsv, ${tsq}) AS score, 0 AS tier FROM search_entries e
  WHERE e.tsv @@ ${tsq} AND ${where} LIMIT ${limit}
)`);
  }
  sets.push('SELECT * FROM m');
  let found = '(SELECT count(*) FROM m)';
  if (anyWord) {
    ctes.push(`o AS MATERIALIZED (
  SELECT ${NARROW}, ts_rank(e.tsv, ${anyWord}) AS score, 1 AS tier FROM search_entries e
  WHERE ${found} < ${FUZZY_BELOW} AND e.tsv @@ ${anyWord} AND ${where} AND ${notIn('m')}
  LIMIT ${limit}
)`);
    sets.push('SELECT * FROM o');
    found = '(SELECT count(*) FROM m) + (SELECT count(*) FROM o)';
  }
  if (fuzzy) {
    // Typo tolerance only when the words themselves find little (the check runs once, not per row).
    ctes.push(`t AS MATERIALIZED (
  SELECT ${NARROW}, 0.5 * word_similarity(${folded}::text, e.title_folded) AS score, 2 AS tier FROM search_entries e
  WHERE ${found} < ${prefixMode ? 1 : FUZZY_BELOW} AND ${folded}::text <% e.title_folded AND ${where}
    AND ${notIn('m')}${anyWord ? ` AND ${notIn('o')}` : ''}
  LIMIT ${FUZZY_LIMIT}
)`);
    sets.push('SELECT * FROM t');
  }
  // Headlines mark what matched: the words, or any of them for the looser tiers.
  const marked = anyWord ? `CASE WHEN page.tier = 0 THEN ${tsq} ELSE ${anyWord} END` : tsq;
  const sql = `
WITH ${ctes.join(',\n')},
c AS (${sets.join(' UNION ALL ')}),
page AS (SELECT * FROM c ORDER BY tier, score DESC, updated_at DESC, id LIMIT ${p(query.limit)} OFFSET ${p(query.offset)})
SELECT
  (SELECT count(*)::int FROM c) AS total,
  (SELECT coalesce(jsonb_object_agg(kind, n), '{}') FROM (SELECT kind, count(*)::int n FROM c GROUP BY kind) k) AS kinds,
  (SELECT coalesce(jsonb_object_agg(tag, n), '{}') FROM
    (SELECT tag, count(*)::int n FROM c, unnest(c.tags) AS tag GROUP BY tag ORDER BY n DESC, tag LIMIT 30) t) AS tags,
  (SELECT coalesce(jsonb_object_agg(group_id, n), '{}') FROM (SELECT group_id, count(*)::int n FROM c GROUP BY group_id) g) AS groups,
  (SELECT coalesce(jsonb_agg(h ORDER BY h.tier, h.score DESC, h.updated_at DESC, h.id), '[]') FROM (
    SELECT page.type, page.id, page.group_id, page.kind, e.title, e.url, page.score, page.tier, page.updated_at,
      ts_headline('auzolan_simple', left(e.body, 5000), ${marked},
        'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=30, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "') AS snippet,
      ts_headline('auzolan_simple', e.title, ${marked}, 'HighlightAll=true, StartSel=' || chr(1) || ', StopSel=' || chr(2)) AS title_hl
    FROM page JOIN search_entries e ON e.type = page.type AND e.id = page.id) h) AS hits`;
  return { sql, params };
}
