import { fold } from '../highlight';
import type { SearchQuery } from '../search-engine';

/** Rows considered for ranking: enough for relevance, bounded so common words stay fast. */
export const CANDIDATE_LIMIT = 1000;
/** Search-as-you-type shows a dozen titles: a hundred candidates are plenty to rank. */
export const PREFIX_CANDIDATE_LIMIT = 100;
/**
 * Search-as-you-type first looks for its candidates in a fixed sample of the table's pages
 * (TABLESAMPLE SYSTEM with a constant seed: about this many pages, some 700 rows, ~1-2 ms),
 * which a common prefix such as `lib` fills at once, while its GIN bitmap would list tens of
 * thousands of rows. Only a prefix that finds fewer there than the page asked goes on to the
 * index, where it is then usually rare enough to be cheap. Pages spread over the table rather
 * than its first pages, since rows arrive in clusters (a group's import, a busy week).
 */
export const PREFIX_PROBE_PAGES = 100;
/** Below this many matches, looser ones are added: the prefix form, any word, then trigrams. */
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

/** Builds `$n` placeholders, collecting the values: nothing the user sends enters the SQL text. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The caller's groups (always) and the filters asked for. */
function filterSql(query: SearchQuery, p: Params): string {
  const f = query.filter;
  const where = ['NOT e.deleted', `e.group_id = ANY(${p.add(f.groupIds)}::uuid[])`];
  if (f.kinds?.length) where.push(`e.kind = ANY(${p.add(f.kinds)}::text[])`);
  if (f.tags?.length) where.push(`e.tags @> ${p.add(f.tags)}::text[]`);
  if (f.groupId) where.push(`e.group_id = ${p.add(f.groupId)}`);
  if (f.authorId) where.push(`e.author_id = ${p.add(f.authorId)}`);
  if (f.organisationId) where.push(`e.organisation_id = ${p.add(f.organisationId)}`);
  if (f.from) where.push(`e.created_at >= ${p.add(f.from.toISOString())}`);
  if (f.to) where.push(`e.created_at <= ${p.add(f.to.toISOString())}`);
  return where.join(' AND ');
}

/**
 * Builds the one search statement. Candidates come in tiers, each only when the ones before
 * found fewer than FUZZY_BELOW, each from an index, inside the caller's groups and filters,
 * bounded, and ranked as found (nothing walks a whole group computing ranks or similarities):
 *   0. the words, whole, in three configurations (exact, English stems, Spanish stems);
 *   1. the words with the last one as a prefix (`hydro` → hydrogen);
 *   2. any of the words, when all of them together find little;
 *   3. trigram similarity on titles and tags (typos).
 * Plain words only get tiers 1 to 3: quotes and `-word` mean something they would undo.
 * Total and facets count the candidates; titles, bodies and headlines are fetched for the
 * page returned only.
 *
 * `mode: 'prefix'` (search-as-you-type) has tier 1 only, over at most PREFIX_CANDIDATE_LIMIT
 * candidates found by a bounded probe of sampled pages before the index, and trigrams only
 * when it matches nothing.
 */
export function buildSearchSql(
  query: SearchQuery,
  probePages = PREFIX_PROBE_PAGES,
): { sql: string; params: unknown[] } {
  const p = new Params();
  const prefixMode = query.mode === 'prefix';
  const words = queryWords(query.q);
  const plain = !/(^|\s)-|"/.test(query.q);
  const last = words.at(-1) ?? '';
  const qParam = prefixMode ? '' : p.add(query.q);
  const whole = prefixMode
    ? null
    : `(websearch_to_tsquery('auzolan_simple', ${qParam}) || websearch_to_tsquery('auzolan_en', ${qParam}) || websearch_to_tsquery('auzolan_es', ${qParam}))`;
  // `''::tsquery && x` is x, for a single word.
  const prefix =
    last && (plain || prefixMode)
      ? `(websearch_to_tsquery('auzolan_simple', ${p.add(words.slice(0, -1).join(' '))}) && to_tsquery('auzolan_simple', ${p.add(`'${last}':*`)}))`
      : null;
  const anyWord =
    !prefixMode && plain && words.length > 1
      ? (() => {
          const list = p.add(words.join(' | '));
          return `(to_tsquery('auzolan_simple', ${list}) || to_tsquery('auzolan_en', ${list}) || to_tsquery('auzolan_es', ${list}))`;
        })()
      : null;
  const foldedText = fold(query.q).trim();
  const fuzzy = plain && (!prefixMode || foldedText.length >= PREFIX_FUZZY_MIN_LENGTH);
  const limit = prefixMode ? PREFIX_CANDIDATE_LIMIT : CANDIDATE_LIMIT;
  const where = filterSql(query, p);

  const ctes: string[] = [];
  const tiers: string[] = [];
  /** Rows the tiers so far found (each counted once: a CTE is materialized once). */
  const found = (): string => tiers.map((t) => `(SELECT count(*) FROM ${t})`).join(' + ') || '0';
  /** Rows of earlier tiers are not repeated; they are fewer than FUZZY_BELOW when this runs. */
  const fresh = (): string =>
    tiers.map((t) => ` AND NOT EXISTS (SELECT 1 FROM ${t} x WHERE x.type = e.type AND x.id = e.id)`).join('');
  const tier = (n: number, tsq: string): void => {
    const name = `t${n}`;
    const when = tiers.length ? `${found()} < ${FUZZY_BELOW} AND ` : '';
    const select = `SELECT ${NARROW}, ts_rank(e.tsv, ${tsq}) AS score, ${n} AS tier FROM search_entries e`;
    if (prefixMode) {
      // The percentage of pages that makes about probePages, from the table's current size.
      const percent = `least(100, 100.0 * ${p.add(Math.max(0, probePages))}::int / greatest(1, pg_relation_size('search_entries') / current_setting('block_size')::int))`;
      ctes.push(`probe AS MATERIALIZED (
  SELECT ${NARROW}, ts_rank(e.tsv, ${tsq}) AS score, ${n} AS tier
  FROM search_entries e TABLESAMPLE SYSTEM (${percent}) REPEATABLE (0)
  WHERE e.tsv @@ ${tsq} AND ${where} LIMIT ${limit}
)`);
      ctes.push(`${name} AS MATERIALIZED (
  SELECT * FROM probe
  UNION ALL (
    ${select}
    WHERE (SELECT count(*) FROM probe) < ${p.add(query.limit + query.offset)}::int
      AND e.tsv @@ ${tsq} AND ${where} AND NOT EXISTS (SELECT 1 FROM probe x WHERE x.type = e.type AND x.id = e.id)
    LIMIT ${limit})
  LIMIT ${limit}
)`);
    } else {
      ctes.push(`${name} AS MATERIALIZED (
  ${select}
  WHERE ${when}e.tsv @@ ${tsq} AND ${where}${fresh()} LIMIT ${limit}
)`);
    }
    tiers.push(name);
  };
  if (whole) tier(0, whole);
  if (prefix) tier(1, prefix);
  if (anyWord) tier(2, anyWord);
  if (fuzzy) {
    // The folded text comes from a materialized CTE, so the planner cannot see it: estimating a
    // trigram condition on a constant runs word_similarity over the column's statistics, about
    // 2.5 ms of planning (more on PGlite) in every search, while this tier rarely runs.
    ctes.push(`qf AS MATERIALIZED (SELECT ${p.add(foldedText)}::text AS v)`);
    ctes.push(`t3 AS MATERIALIZED (
  SELECT ${NARROW}, 0.5 * word_similarity(qf.v, e.title_folded) AS score, 3 AS tier FROM qf, search_entries e
  WHERE ${found()} < ${prefixMode ? 1 : FUZZY_BELOW} AND qf.v <% e.title_folded AND ${where}${fresh()}
  LIMIT ${FUZZY_LIMIT}
)`);
    tiers.push('t3');
  }
  if (!tiers.length) {
    // Nothing to look for (say, `?!` as you type): still the one statement, finding nothing.
    ctes.push(`none AS (SELECT ${NARROW}, 0::real AS score, 0 AS tier FROM search_entries e WHERE false AND ${where})`);
    tiers.push('none');
  }
  // Headlines mark every word typed, whole or as a prefix.
  const marked = [whole, prefix, anyWord].filter(Boolean).join(' || ') || `''::tsquery`;
  const sql = `
WITH ${ctes.join(',\n')},
c AS (${tiers.map((t) => `SELECT * FROM ${t}`).join(' UNION ALL ')}),
page AS (SELECT * FROM c ORDER BY tier, score DESC, updated_at DESC, id LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)})
SELECT
  (SELECT count(*)::int FROM c) AS total,
  (SELECT coalesce(jsonb_object_agg(kind, n), '{}') FROM (SELECT kind, count(*)::int n FROM c GROUP BY kind) k) AS kinds,
  (SELECT coalesce(jsonb_object_agg(tag, n), '{}') FROM
    (SELECT tag, count(*)::int n FROM c, unnest(c.tags) AS tag GROUP BY tag ORDER BY n DESC, tag LIMIT 30) t) AS tags,
  (SELECT coalesce(jsonb_object_agg(group_id, n), '{}') FROM (SELECT group_id, count(*)::int n FROM c GROUP BY group_id) g) AS groups,
  (SELECT coalesce(jsonb_agg(h ORDER BY h.tier, h.score DESC, h.updated_at DESC, h.id), '[]') FROM (
    SELECT page.type, page.id, page.group_id, page.kind, e.title, e.url, page.score, page.tier, page.updated_at,
      ts_headline('auzolan_simple', left(e.body, 5000), m.q,
        'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=30, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "') AS snippet,
      ts_headline('auzolan_simple', e.title, m.q, 'HighlightAll=true, StartSel=' || chr(1) || ', StopSel=' || chr(2)) AS title_hl
    FROM page JOIN search_entries e ON e.type = page.type AND e.id = page.id, (SELECT ${marked} AS q) m) h) AS hits`;
  return { sql, params: p.values };
}
