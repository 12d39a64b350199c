import { LIMITS } from '../common/limits';
import { depthOf, HOSTILE_MARKDOWN, WIKI_PAGE_TITLES } from '../../test/support/hostile-markdown';
import { findHtmlDangers } from '../../test/support/html-safety';
import { renderMarkdown } from './markdown';
import type { WikiTarget } from './wiki-links';

/**
 * THE renderer on the hostile corpus (issue 12), at the chat-message limit and at 40 KB (the
 * size that froze the server for seconds): the output must be right, whole and safe. Before the
 * fix 40 KB of identical headings took seconds and larger sizes minutes, so a regression shows
 * here as a timeout. Timing itself is measured by bench/render.ts.
 */
const wikiLinks = new Map<string, WikiTarget | null>(
  WIKI_PAGE_TITLES.map((title, i) => [title, { href: `/groups/g/documents/${i}`, pageId: String(i) }]),
);
const resolved = new Set(WIKI_PAGE_TITLES);

describe.each([10_000, 40_000])('the hostile markdown corpus at %d characters', (chars) => {
  it.each(HOSTILE_MARKDOWN.map((c) => [c.name, c] as const))('renders %s right', (_name, hostile) => {
    const source = hostile.make(chars);
    expect(source.length).toBeLessThanOrEqual(chars);
    expect(source.length).toBeGreaterThan(chars * 0.9);
    const html = renderMarkdown(source, { wikiLinks });
    expect(hostile.check(html, source, resolved)).toEqual([]);
    expect(findHtmlDangers(html)).toEqual([]);
    expect(depthOf(html)).toBeLessThanOrEqual(120);
  });
});

describe('the worst of it at the document size cap', () => {
  it.each(['identical headings', 'quotes nested ten thousand deep', 'wiki links opened and never closed'])(
    '%s',
    (name) => {
      const hostile = HOSTILE_MARKDOWN.find((c) => c.name === name)!;
      const source = hostile.make(LIMITS.documentBodyBytes);
      expect(hostile.check(renderMarkdown(source, { wikiLinks }), source, resolved)).toEqual([]);
    },
    120_000,
  );
});
