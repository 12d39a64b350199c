import type MarkdownIt from 'markdown-it';

/** Where a `[[Page title]]` points: the page's URL within the group, and its id. */
export interface WikiTarget {
  href: string;
  pageId: string;
}

/**
 * What each distinct title of a source resolves to (null: no such page), worked out by the
 * caller before rendering. A plain Map, so it crosses to a render worker as it is, and a title
 * like `__proto__` is just a key.
 */
export type WikiLinkTargets = ReadonlyMap<string, WikiTarget | null>;

const MAX_TITLE = 200;
const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const NEWLINE = 0x0a;

/** Extracts the distinct `[[Page title]]` targets of a markdown source, trimmed. */
export function wikiLinkTitles(source: string): string[] {
  const titles = new Set<string>();
  for (const m of source.matchAll(/\[\[([^[\]\n]{1,200})\]\]/g)) {
    const title = m[1].trim();
    if (title) titles.add(title);
  }
  return [...titles];
}

/**
 * Where the title after `[[` at `start` ends (the index of its `]]`), or -1. Looks at most
 * MAX_TITLE characters ahead and stops at the first bracket or newline: searching to the end
 * of the text instead made `[[` × 500,000 quadratic.
 */
function titleEnd(src: string, start: number, max: number): number {
  const last = Math.min(start + 2 + MAX_TITLE, max - 2);
  for (let p = start + 2; p <= last; p++) {
    const c = src.charCodeAt(p);
    if (c === CLOSE) return src.charCodeAt(p + 1) === CLOSE ? p : -1;
    if (c === OPEN || c === NEWLINE) return -1;
  }
  return -1;
}

/**
 * Inline rule for `[[Page title]]`: a link when `env.wikiLinks` knows the page, a marked span
 * when not. The targets come through the render's env, so one parser serves every render.
 */
export function wikiLinks(md: MarkdownIt.MarkdownIt): void {
  md.inline.ruler.before('link', 'wiki_link', (state: MarkdownIt.StateInline, silent: boolean) => {
    const src = state.src;
    const start = state.pos;
    if (src.charCodeAt(start) !== OPEN || src.charCodeAt(start + 1) !== OPEN) return false;
    const end = titleEnd(src, start, state.posMax);
    if (end < 0) return false;
    const title = src.slice(start + 2, end).trim();
    if (!title) return false;
    if (!silent) {
      const target = (state.env as { wikiLinks?: WikiLinkTargets }).wikiLinks?.get(title) ?? null;
      if (target) {
        const open = state.push('link_open', 'a', 1);
        open.attrs = [
          ['href', target.href],
          ['class', 'wikilink'],
          ['data-page-id', target.pageId],
        ];
        state.push('text', '', 0).content = title;
        state.push('link_close', 'a', -1);
      } else {
        const open = state.push('span_open', 'span', 1);
        open.attrs = [['class', 'wikilink-missing']];
        state.push('text', '', 0).content = title;
        state.push('span_close', 'span', -1);
      }
    }
    state.pos = end + 2;
    return true;
  });
}
