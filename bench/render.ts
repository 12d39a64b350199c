/**
 * How long THE renderer takes on a 1 MB document (the largest body the API accepts), with
 * wiki links resolved, and on the pathological inputs the tests only check for safety.
 *
 *   npx tsc -p tsconfig.json --outDir /tmp/auzolan-bench && node /tmp/auzolan-bench/bench/render.js
 */
import { LIMITS } from '../src/common/limits';
import { renderMarkdown } from '../src/markdown/markdown';

function realisticDocument(bytes: number): string {
  const section = (i: number): string =>
    [
      `## Signal ${i}: hydrogen and battery recycling`,
      '',
      `Electrolyser suppliers in the **energy** association report _new_ orders; see [[Hydrogen value chain]] and [[Page ${i}]].`,
      'Source: [IEA report](https://www.iea.org/reports/global-ev-outlook-2024) · `relevance: 4`',
      '',
      '- [x] checked with the association',
      '- [ ] add to the radar',
      '  - nested point with https://example.org/auto-link',
      '',
      '| Ring | Topic | Owner |',
      '|:--|:--:|--:|',
      `| Trial | machine vision ${i} | Manufacturing |`,
      '',
      '> Quote from the plenary: "we need shared test benches".',
      '',
      '```ts',
      `const signal${i} = { topic: 'hidrógeno', relevance: 4 };`,
      '```',
      '',
    ].join('\n');
  let out = '# Technology radar\n\n';
  for (let i = 0; Buffer.byteLength(out) < bytes; i++) out += section(i);
  return out.slice(0, bytes);
}

function time(label: string, source: string, runs: number, withLinks: boolean): void {
  const samples: number[] = [];
  let html = '';
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    html = renderMarkdown(
      source,
      withLinks
        ? {
            resolveWikiLink: (t) =>
              t.length % 2 ? { href: `/groups/g/documents/${t.length}`, pageId: String(t.length) } : null,
          }
        : {},
    );
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  process.stdout.write(
    `${label.padEnd(44)} ${(Buffer.byteLength(source) / 1024).toFixed(0).padStart(6)} KiB in  ` +
      `${(Buffer.byteLength(html) / 1024).toFixed(0).padStart(6)} KiB out  median ${median.toFixed(0)} ms  ` +
      `(min ${samples[0].toFixed(0)}, max ${samples[samples.length - 1].toFixed(0)}, ${runs} runs)\n`,
  );
}

const oneMb = realisticDocument(LIMITS.documentBodyBytes);
time('1 MB realistic document, wiki links resolved', oneMb, 5, true);
time('1 MB realistic document, no resolver', oneMb, 5, false);
time(
  '1 MB of plain paragraphs',
  ('Plain text about upskilling programmes. '.repeat(20) + '\n\n').repeat(1300).slice(0, LIMITS.documentBodyBytes),
  5,
  false,
);
time('10,000 nested quotes', '>'.repeat(10_000) + ' deep', 5, false);
time('CVE-2022-21670 pattern (_ and * runs)', '_'.repeat(50_000) + '\n' + '*'.repeat(50_000), 5, false);
time('100,000 spaces inside a line', 'a' + ' '.repeat(100_000) + 'b\n', 5, false);
time('20,000 unclosed [[ wiki links', '[['.repeat(20_000), 5, true);
