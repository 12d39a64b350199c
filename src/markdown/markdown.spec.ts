import { findHtmlDangers } from '../../test/support/html-safety';
import { XSS_CORPUS } from '../../test/support/xss-corpus';
import { isSafeLink, renderMarkdown } from './markdown';
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

  it('resolves wiki links through the caller, and marks missing pages', () => {
    const html = renderMarkdown('See [[Hydrogen roadmap]] and [[Nowhere]].', {
      resolveWikiLink: (title) => (title === 'Hydrogen roadmap' ? { href: '/d/1', pageId: '1' } : null),
    });
    expect(html).toContain('<a href="/d/1" class="wikilink" data-page-id="1">Hydrogen roadmap</a>');
    expect(html).toContain('<span class="wikilink-missing">Nowhere</span>');
    expect(wikiLinkTitles('[[A]] [[ B ]] [[A]] [[]]')).toEqual(['A', 'B']);
  });

  it('stays fast on pathological input: 10,000 nested quotes and the CVE-2022-21670 pattern', () => {
    for (const input of [
      '>'.repeat(10_000) + ' deep',
      '_'.repeat(50_000) + '\n' + '*'.repeat(50_000),
      'a' + ' '.repeat(100_000) + 'b\n',
    ]) {
      const start = process.hrtime.bigint();
      renderMarkdown(input);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      expect(ms).toBeLessThan(1000);
    }
  });
});
