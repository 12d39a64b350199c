import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

/**
 * Markdown built to find super-linear paths and silent losses in THE renderer (issue 12):
 * identical headings, identical link references, deep nesting, the CVE-2022-21670 pattern,
 * many wiki links, mentions, long tables, linkify-heavy text, huge outputs. Each case makes a
 * source of a given size and checks the rendering: what is wrong with it, or nothing.
 * Used by the unit spec, the integration test (through HTTP and socket.io) and bench/render.ts.
 */
export interface HostileCase {
  name: string;
  /** A source of at most `chars` UTF-16 code units (all ASCII, so as many characters and bytes). */
  make(chars: number): string;
  /** What is wrong with `html` as the rendering of `source` (empty when it is right). */
  check(html: string, source: string, resolved: ReadonlySet<string>): string[];
}

/** The wiki-link titles the corpus expects to resolve where pages with these titles exist. */
export const WIKI_PAGE_TITLES = ['Hydrogen roadmap', 'Page 1'];

interface El {
  name: string;
  attribs: Record<string, string>;
  text: string;
}

function textOf(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

/** Every element of the HTML in document order, with its decoded text. */
export function elementsOf(html: string): El[] {
  const out: El[] = [];
  const walk = (nodes: ChildNode[]): void => {
    for (const node of nodes) {
      if (node.type !== 'tag') continue;
      const el = node as Element;
      out.push({ name: el.name, attribs: el.attribs, text: textOf(el) });
      walk(el.children);
    }
  };
  walk(parseDocument(html).children);
  return out;
}

/** The decoded text of the whole HTML, with the line breaks the renderer adds between blocks removed. */
export function textOfHtml(html: string): string {
  return textOf(parseDocument(html)).replace(/\n/g, '');
}

/** How deeply the HTML's elements nest (the renderer keeps it near markdown-it's 100 block levels). */
export function depthOf(html: string): number {
  let deepest = 0;
  const stack: Array<[ChildNode, number]> = parseDocument(html).children.map((n) => [n, 1]);
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node.type !== 'tag') continue;
    deepest = Math.max(deepest, depth);
    for (const child of (node as Element).children) stack.push([child, depth + 1]);
  }
  return deepest;
}

const count = (s: string, ch: string): number => s.split(ch).length - 1;
const named = (els: El[], name: string): El[] => els.filter((e) => e.name === name);

/** Repeats `unit(i)` while the result stays within `chars`. */
function fill(chars: number, unit: (i: number) => string, head = ''): string {
  let out = head;
  for (let i = 0; ; i++) {
    const next = unit(i);
    if (out.length + next.length > chars) return out;
    out += next;
  }
}

/** `problems` when `actual` differs from `expected`, showing the first difference. */
function same(what: string, actual: unknown[], expected: unknown[]): string[] {
  if (actual.length !== expected.length) return [`${what}: ${actual.length} instead of ${expected.length}`];
  const i = actual.findIndex((a, k) => a !== expected[k]);
  return i < 0 ? [] : [`${what} #${i}: ${JSON.stringify(actual[i])} instead of ${JSON.stringify(expected[i])}`];
}

export const HOSTILE_MARKDOWN: HostileCase[] = [
  {
    name: 'identical headings',
    make: (chars) => fill(chars, () => '# h\n'),
    check: (html, source) => {
      const h = named(elementsOf(html), 'h1');
      const n = count(source, '\n');
      return [
        ...same(
          'heading ids',
          h.map((e) => e.attribs.id),
          Array.from({ length: n }, (_, i) => (i === 0 ? 'md-h' : `md-h-${i}`)),
        ),
        ...same(
          'heading texts',
          h.map((e) => e.text),
          Array.from({ length: n }, () => 'h'),
        ),
      ];
    },
  },
  {
    name: 'headings whose text looks like a suffixed id',
    make: (chars) => fill(chars, () => '# h\n# h-1\n'),
    check: (html, source) => {
      const ids = named(elementsOf(html), 'h1').map((e) => e.attribs.id);
      const pairs = count(source, '\n') / 2;
      const expected = Array.from({ length: pairs }, (_, k) =>
        k === 0 ? ['md-h', 'md-h-1'] : [`md-h-${k + 1}`, `md-h-1-${k}`],
      ).flat();
      return [...same('heading ids', ids, expected), ...(new Set(ids).size === ids.length ? [] : ['ids repeat'])];
    },
  },
  {
    name: 'identical link reference definitions and uses',
    // Only the first definition of a label counts: every use must link to /0.
    make: (chars) =>
      fill(chars / 2, (i) => `[ref]: https://example.org/${i} "T"\n`) + '\n' + fill(chars / 2 - 1, () => '[ref] '),
    check: (html, source) => {
      const links = named(elementsOf(html), 'a');
      const uses = count(source.slice(source.indexOf('\n\n')), '[ref]');
      return [
        ...same(
          'link hrefs',
          links.map((a) => `${a.attribs.href} ${a.attribs.title} ${a.text}`),
          Array.from({ length: uses }, () => 'https://example.org/0 T ref'),
        ),
        ...(textOfHtml(html).includes('[ref]:') ? ['a definition is shown as text'] : []),
      ];
    },
  },
  {
    name: 'distinct link reference definitions and uses',
    make: (chars) => {
      const definitions = fill(chars / 2, (i) => `[r${i}]: /u/${i}\n`);
      const n = count(definitions, '\n');
      return definitions + '\n' + fill(chars / 2 - 1, (i) => `[r${(i * 7) % (n + 10)}] `); // some undefined
    },
    check: (html, source) => {
      const uses = [...source.slice(source.indexOf('\n\n')).matchAll(/\[r(\d+)\]/g)].map((m) => Number(m[1]));
      const defined = count(source.slice(0, source.indexOf('\n\n')), '\n') + 1;
      return same(
        'link hrefs',
        named(elementsOf(html), 'a').map((a) => a.attribs.href),
        uses.filter((i) => i < defined).map((i) => `/u/${i}`),
      );
    },
  },
  {
    name: 'quotes nested ten thousand deep',
    make: (chars) => '>'.repeat(chars - 5) + ' deep',
    check: (html, source) => {
      // markdown-it nests 100 levels; the markers past them must stay, as text, not vanish.
      const quotes = named(elementsOf(html), 'blockquote').length;
      const text = textOfHtml(html);
      return quotes + count(text, '>') === count(source, '>') && text.endsWith(' deep')
        ? []
        : [`${quotes} quotes and ${count(text, '>')} > in the text for ${count(source, '>')} markers`];
    },
  },
  {
    name: 'lists nested past the limit, item after item',
    make: (chars) => fill(chars, (i) => `${'  '.repeat(i % 120)}- item${i}\n`) + '\nafter',
    check: (html, source) => {
      const text = textOfHtml(html);
      const items = [...source.matchAll(/item\d+/g)].map((m) => m[0]);
      const missing = items.filter((item) => !new RegExp(`${item}(?!\\d)`).test(text));
      return [
        ...(missing.length ? [`${missing.length} items missing, first ${missing[0]}`] : []),
        ...(html.endsWith('<p>after</p>\n') ? [] : ['the paragraph after the lists is not one']),
      ];
    },
  },
  {
    name: 'list markers on one line',
    make: (chars) => '- '.repeat((chars - 1) / 2) + 'x',
    check: (html, source) => {
      const lists = named(elementsOf(html), 'ul').length;
      const text = textOfHtml(html);
      return lists + count(text, '-') === count(source, '-') && text.endsWith('x')
        ? []
        : [`${lists} lists and ${count(text, '-')} - in the text for ${count(source, '-')} markers`];
    },
  },
  {
    name: 'strong emphasis nested deep',
    make: (chars) => '**'.repeat(Math.floor((chars - 1) / 4)) + 'x' + '**'.repeat(Math.floor((chars - 1) / 4)),
    check: (html, source) => {
      const strong = named(elementsOf(html), 'strong').length;
      const text = textOfHtml(html);
      return strong * 4 + count(text, '*') === count(source, '*') && text.includes('x')
        ? []
        : [`${strong} strong and ${count(text, '*')} * in the text for ${count(source, '*')} marks`];
    },
  },
  {
    name: 'unclosed emphasis',
    make: (chars) => fill(chars, () => '*a _b '),
    check: (html, source) => (textOfHtml(html) === source.trimEnd() ? [] : ['the text is not the source']),
  },
  {
    name: 'brackets opened and never closed',
    make: (chars) => '!['.repeat(chars / 4) + '['.repeat(chars / 2),
    check: (html, source) => (textOfHtml(html) === source ? [] : ['the text is not the source']),
  },
  {
    name: 'brackets opened then closed',
    make: (chars) => '['.repeat(chars / 2) + ']'.repeat(chars / 2),
    check: (html, source) => (textOfHtml(html) === source ? [] : ['the text is not the source']),
  },
  {
    name: 'CVE-2022-21670: spaces before a hard break',
    make: (chars) => 'x' + ' '.repeat(chars - 6) + 'x  \nx',
    check: (html, source) => (html === `<p>${source.slice(0, -4)}<br />\nx</p>\n` ? [] : ['not one paragraph']),
  },
  {
    name: 'CVE-2022-21670: runs of _ and *',
    make: (chars) => 'a' + '_'.repeat(chars / 2 - 2) + '\nb' + '*'.repeat(chars / 2 - 2),
    check: (html, source) => (html === `<p>${source.replace('\n', '<br />\n')}</p>\n` ? [] : ['not the text']),
  },
  {
    name: 'wiki links, the same page again and again and many missing ones',
    make: (chars) => fill(chars, (i) => `[[Hydrogen roadmap]] [[Page ${i}]] `),
    check: (html, source, resolved) => {
      const titles = [...source.matchAll(/\[\[([^\]]+)\]\]/g)].map((m) => m[1]);
      const got = elementsOf(html)
        .filter((e) => /wikilink/.test(e.attribs.class ?? ''))
        .map((e) => `${e.name === 'a' && e.attribs['data-page-id'] && e.attribs.href ? 'link' : 'missing'} ${e.text}`);
      return same(
        'wiki links',
        got,
        titles.map((t) => `${resolved.has(t) ? 'link' : 'missing'} ${t}`),
      );
    },
  },
  {
    name: 'wiki links opened and never closed',
    make: (chars) => '[['.repeat(chars / 2),
    check: (html, source) => (textOfHtml(html) === source ? [] : ['the text is not the source']),
  },
  {
    name: 'mentions',
    make: (chars) => fill(chars, () => '@Ane Etxeberria '),
    check: (html, source) => (textOfHtml(html) === source.trimEnd() ? [] : ['the text is not the source']),
  },
  {
    name: 'a long table',
    make: (chars) => fill(chars, (i) => `| ${i} | x |\n`, '| n | right |\n|---|--:|\n'),
    check: (html, source) => {
      const rows = count(source, '\n') - 2;
      const cells = named(elementsOf(html), 'td');
      return [
        ...same(
          'first column',
          cells.filter((_, i) => i % 2 === 0).map((c) => c.text),
          Array.from({ length: rows }, (_, i) => String(i)),
        ),
        ...same(
          'second column',
          cells.filter((_, i) => i % 2 === 1).map((c) => `${c.attribs.style} ${c.text}`),
          Array.from({ length: rows }, () => 'text-align:right x'),
        ),
      ];
    },
  },
  {
    name: 'linkify-heavy text',
    make: (chars) => fill(chars, (i) => `https://example.org/p${i} ane${i}@example.org `),
    check: (html, source) => {
      const n = count(source, 'https://');
      return same(
        'links',
        named(elementsOf(html), 'a').map((a) => a.attribs.href),
        Array.from({ length: n }, (_, i) => [`https://example.org/p${i}`, `mailto:ane${i}@example.org`]).flat(),
      );
    },
  },
  {
    name: 'images, shown and left out',
    make: (chars) => fill(chars, (i) => `![ok${i}](https://example.org/${i}.png) ![gone](/local.png) `),
    check: (html, source) => [
      ...same(
        'images',
        named(elementsOf(html), 'img').map((img) => `${img.attribs.src} ${img.attribs.alt}`),
        Array.from({ length: count(source, '![ok') }, (_, i) => `https://example.org/${i}.png ok${i}`),
      ),
      ...(html.includes('local.png') ? ['a relative image was kept'] : []),
    ],
  },
  {
    name: 'a long task list',
    make: (chars) => fill(chars, (i) => `- [ ] a${i}\n- [x] b${i}\n`),
    check: (html, source) => {
      const boxes = named(elementsOf(html), 'input');
      return same(
        'checkboxes',
        boxes.map((b) => ('checked' in b.attribs ? 'x' : ' ')),
        Array.from({ length: count(source, '\n') }, (_, i) => (i % 2 ? 'x' : ' ')),
      );
    },
  },
];
