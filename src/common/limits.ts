/** Named limits, so tests and docs can refer to the same numbers. */
export const LIMITS = {
  /**
   * Largest JSON request body: a document at its cap even when every byte of it is sent
   * escaped as two (`\n`, `\"`), plus room for its other fields.
   */
  httpBodyBytes: 589_824,
  /**
   * Deepest nesting (objects and arrays) of a JSON body or a socket event payload. The deepest
   * body the API takes is 4 levels (a survey answer's `choices`: body → answers → answer →
   * choices); 10 leaves room for new shapes, and is checked before anything recursive runs.
   */
  jsonDepth: 10,
  messageBodyChars: 10_000,
  /**
   * 256 KiB of markdown, about 40,000 words: eight times Discourse's longest post and four
   * times GitHub's longest issue body. Chosen so that the slowest hostile source under it
   * renders in well under a second on this 2-core machine (`npm run bench -- render`):
   * markdown-it alone takes 1–2 s on some 1 MB shapes (thousands of unclosed brackets).
   */
  documentBodyBytes: 262_144,
  titleChars: 200,
} as const;

/** Calendar dates and timestamps the API takes (query strings and bodies alike), both ends included. */
export const DATE_RANGE = { min: '1900-01-01', max: '2999-12-31' } as const;

/** Largest value of a Postgres `int4` column (revision numbers, versions). */
export const INT4_MAX = 2_147_483_647;

/** Bounds of the integer parameters, named where the number comes from. */
export const INTEGER_BOUNDS = {
  /** Channel seq and read markers: `int8` in Postgres, exact in JavaScript up to 2^53 − 1. */
  seq: { min: 0, max: Number.MAX_SAFE_INTEGER },
  /** Document versions and revision numbers: `int4`, from 1. */
  version: { min: 1, max: INT4_MAX },
  /** Offset into a Postgres-backed list; paging further than this is not a use anyone has. */
  listOffset: { min: 0, max: 100_000 },
  /**
   * Offset into search results: the engines return at most 2,000 hits per query
   * (Meilisearch's default maxTotalHits), and a page is at most 50.
   */
  searchOffset: { min: 0, max: 1_950 },
} as const;

export interface IntegerBounds {
  readonly min: number;
  readonly max: number;
}
