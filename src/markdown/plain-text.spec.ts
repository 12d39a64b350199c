import { renderMarkdown } from './markdown';
import { plainText } from './plain-text';

describe('plainText of the rendered HTML', () => {
  it('keeps what a reader sees and none of the markup', () => {
    const html = renderMarkdown(
      '# Photonics\n\n**Bold** and _soft_ [IEA report](https://www.iea.org) `code`\n\n- [x] done\n- item\n\n> quoted <b>',
    );
    expect(plainText(html)).toBe('Photonics\nBold and soft IEA report code\ndone\nitem\nquoted <b>');
  });

  it('decodes entities once, and never makes markup of them', () => {
    expect(plainText(renderMarkdown('a &amp; b &lt;script&gt; "q" \'s'))).toBe('a & b <script> "q" \'s');
    expect(plainText('<p>&#x1F600; &#0; &#xD800;</p>')).toBe('😀 \uFFFD \uFFFD');
  });

  it('is linear on long input', () => {
    const html = renderMarkdown('*a* '.repeat(20_000));
    expect(plainText(html)).toBe(Array(20_000).fill('a').join(' '));
  });
});
