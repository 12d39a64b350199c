/**
 * How rendering is bounded (see MarkdownRenderer); the time limit is MARKDOWN_RENDER_TIMEOUT_MS.
 * Chosen by measuring on the 2-core machine with `npm run bench -- render`.
 */
export const RENDER_LIMITS = {
  /**
   * Sources up to this many UTF-16 code units render inline, on the calling thread: every chat
   * message (10,000 characters, 20,000 units when each is an emoji) and every decision line.
   * The slowest such source costs tens of milliseconds, less than a worker round trip is worth.
   */
  inlineMaxChars: 20_000,
  /**
   * Inline sources longer than this (and not plain prose) take turns, one per turn of the event
   * loop, so a burst of them (20 long chat messages at once) lets other requests in between.
   * Shorter ones cost a few milliseconds at worst and render at once.
   */
  turnAboveChars: 2_000,
  /** Renders waiting for a worker beyond this many are refused (429) rather than queued without end. */
  queueMax: 16,
  /** A worker may not grow past this heap; the largest source under the cap needs a fraction of it. */
  workerHeapMb: 512,
} as const;
