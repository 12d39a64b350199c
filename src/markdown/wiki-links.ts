import type MarkdownIt from 'markdown-it';

/** Returns the URL of the page with this title in the current group, or null. */
export type WikiLinkResolver = (title: string) => { href: string; pageId: string } | null;

const MAX_TITLE = 200;

/** Extracts the distinct `[[Page title]]` targets of a markdown source, trimmed. */
export function wikiLinkTitles(source: string): string[] {
  const titles = new Set<string>();
  for (const m of source.matchAll(/\[\[([^[\]\n]{1,200})\]\]/g)) {
    const title = m[1].trim();
    if (title) titles.add(title);
  }
  return [...titles];
}

/** Inline rule for `[[Page title]]`: a link when the resolver knows the page, a marked span when not. */
export function wikiLinks(md: MarkdownIt.MarkdownIt, resolve?: WikiLinkResolver): void {
  md.inline.ruler.before('link', 'wiki_link', (state: MarkdownIt.StateInline, silent: boolean) => {
    const src = state.src;
    const start = state.pos;
    if (src.charCodeAt(start) !== 0x5b || src.charCodeAt(start + 1) !== 0x5b) return false;
    const end = src.indexOf(']]', start + 2);
    if (end < 0 || end - start - 2 > MAX_TITLE) return false;
    const title = src.slice(start + 2, end).trim();
    if (!title || /[[\]\n]/.test(title)) return false;
    if (!silent) {
      const target = resolve?.(title) ?? null;
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
