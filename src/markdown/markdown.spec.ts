import { findHtmlDangers } from '../../test/support/html-safety';
import { XSS_CORPUS } from '../../test/support/xss-corpus';
import { isProse, isSafeLink, renderMarkdown, renderParsed } from './markdown';
import { wikiLinkTitles } from './wiki-links';

describe('the markdown renderer', () => {
  it('renders ordinary markdown: emphasis, lists, tables, code and links', () => {
    const html = renderMarkdown(
      '**bold** _it_\n\n- one\n- two\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n`x` [site](https://example.org)',
    );
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<td style="text-align:right">2</td>');
    expect(html).toContain('<code>x</code>');
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer nofollow" target="_blank">site</a>');
  });

  it('gives headings prefixed anchor ids that cannot clobber globals', () => {
    expect(renderMarkdown('# Hidrógeno verde')).toBe('<h1 id="md-hidrogeno-verde">Hidrógeno verde</h1>\n');
    expect(renderMarkdown('## location')).toContain('id="md-location"');
  });

  it('renders task lists as disabled checkboxes', () => {
    const html = renderMarkdown('- [ ] agenda\n- [x] minutes');
    expect(html).toContain('<li class="task-list-item"><input type="checkbox" disabled /> agenda</li>');
    expect(html).toContain('<input type="checkbox" disabled checked /> minutes');
  });

  it('shows raw HTML as text', () => {
    expect(renderMarkdown('<img src=x onerror=alert(1)>')).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>\n');
  });

  it.each(XSS_CORPUS)('leaves nothing dangerous from %j', (input) => {
    expect(findHtmlDangers(renderMarkdown(input))).toEqual([]);
    expect(findHtmlDangers(renderMarkdown(`- item\n\n> ${input}\n\n[[${input}]]`))).toEqual([]);
  });

  it('drops javascript: links entirely rather than rendering an href', () => {
    const html = renderMarkdown('[x](javascript:alert(1))');
    expect(html).not.toContain('href');
  });

  it.each([
    ['https://example.org/a', true],
    ['mailto:a@b.eu', true],
    ['/groups/x', true],
    ['#md-top', true],
    ['javascript:alert(1)', false],
    ['data:text/html,x', false],
    ['vbscript:x', false],
    ['java\nscript:alert(1)', false],
    ['//evil.example', false],
  ])('isSafeLink(%j) is %s', (url, safe) => {
    expect(isSafeLink(url)).toBe(safe);
  });

  it('links wiki links to the pages the caller resolved, and marks missing pages', () => {
    const html = renderMarkdown('See [[Hydrogen roadmap]] and [[Nowhere]] and [[__proto__]].', {
      wikiLinks: new Map([['Hydrogen roadmap', { href: '/d/1', pageId: '1' }]]),
    });
    expect(html).toContain('<a href="/d/1" class="wikilink" data-page-id="1">Hydrogen roadmap</a>');
    expect(html).toContain('<span class="wikilink-missing">Nowhere</span>');
    expect(html).toContain('<span class="wikilink-missing">__proto__</span>');
    expect(wikiLinkTitles('[[A]] [[ B ]] [[A]] [[]]')).toEqual(['A', 'B']);
  });

  describe('prose skips the parsers', () => {
    const sentences = [
      'Thanks!',
      'Meet at 10:30 in room 2.',
      'Can we move it to 3.5 or 4? Ane said "fine" (I think)',
      "It's the well-known 100% plan / A|B|C, x = y + z - 1",
      'bench|g2|1234.567|xxxxxxxx',
      'Hidrógeno verde: ñandú, 日本語 and Ελληνικά',
    ];

    it.each(sentences)('%j is prose, rendered as the parsers would', (text) => {
      expect(isProse(text)).toBe(true);
      expect(renderMarkdown(text)).toBe(renderParsed(text));
    });

    it.each([
      'see example.com',
      'mail ane@energy.demo',
      'http://x.org',
      'e.g. this',
      '1. a list',
      '- a list',
      'two\nlines',
      'a *b*',
      'AT&T',
      'trailing ',
      '# title',
      '[[Page]]',
      'a <b>',
      'C#',
    ])('%j goes through the parsers', (text) => {
      expect(isProse(text)).toBe(false);
    });

    it('gives what the parsers give on 20,000 generated lines built from the characters near the rule', () => {
      // Deterministic PRNG (mulberry32), so a failure names a reproducible input.
      let state = 0x5eed;
      const random = (): number => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const words = [
        'ane',
        'Bilbao',
        'é',
        'ñandú',
        'x',
        'co',
        'com',
        'de',
        'it',
        'www',
        'http',
        'https',
        'mailto',
        '日本',
      ];
      const pieces = [
        ...words,
        ...['0', '7', '42', '2024', ' ', '  ', '.', '..', ':', '::', '/', '//', '-', '--', '---', '+', '=', '=='],
        ...['|', "'", '"', '(', ')', '%', '!', '?', ',', ';', '@', '&', '#', '*', '_', '~', '[', ']', '<', '>', '`'],
        ...['\\', '\t', '\n', 'a.b', 'x.com', '1.', '1)', 'www.', 'http://', ':/'],
      ];
      let prose = 0;
      for (let i = 0; i < 20_000; i++) {
        // Most start with a word, as prose must; the rest probe what may not start a line.
        let text = random() < 0.8 ? words[Math.floor(random() * words.length)] : '';
        for (let n = 1 + Math.floor(random() * 8); n > 0; n--) text += pieces[Math.floor(random() * pieces.length)];
        if (isProse(text)) prose++;
        if (renderMarkdown(text) !== renderParsed(text)) {
          throw new Error(`the prose path differs for ${JSON.stringify(text)}`);
        }
      }
      expect(prose).toBeGreaterThan(3_000); // the rule was really exercised
    });
  });
  // Pathological input (deep nesting, the CVE-2022-21670 pattern, …) is markdown-hostile.spec.ts; its timing is bench/render.ts.

  it('renders a mention token as a chip with the member’s name, an unknown one as plain text', () => {
    const id = '0b9c6a52-3f1e-4c1a-9a57-2f1d7c0e8a11';
    const mentions = new Map([[id, 'Ane <Arrieta>']]);
    expect(renderMarkdown(`hi @[Old name](mention:${id}) and *you*`, { mentions })).toBe(
      `<p>hi <span class="mention" data-user-id="${id}">@Ane &lt;Arrieta&gt;</span> and <em>you</em></p>\n`,
    );
    expect(renderMarkdown(`hi @[Old <b>name</b>](mention:${id})`)).toBe('<p>hi @Old &lt;b&gt;name&lt;/b&gt;</p>\n');
    expect(renderMarkdown(`\`@[x](mention:${id})\``, { mentions })).not.toContain('mention"');
    // Not a token: left to the other rules.
    expect(renderMarkdown('@[x](mention:nope)')).not.toContain('span');
    // Linear: many openings of a token are no slower than text.
    const started = Date.now();
    renderMarkdown('@['.repeat(100_000), { mentions });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
