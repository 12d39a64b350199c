/**
 * THE markdown renderer (issue 12): how long it takes on the hostile corpus and on documents
 * documents, at the size caps (a 10,000-character message, a 256 KiB document body), and
 * whether it grows linearly (a quarter-size run beside the full-size one); then, on the running
 * server, how long a health probe waits while the worst of it renders (render-server.ts).
 *
 *   npm run bench -- render
 *   BENCH_RENDER_BEFORE=/path/to/another/build/markdown.js npm run bench -- render
 *     # also times that build of the renderer (e.g. main before the fix), side by side
 *
 * Each render runs on a worker thread that is stopped past a budget, so a quadratic build is
 * reported as "> budget" rather than running for an hour. Times are wall-clock on that thread
 * (median of RUNS) with the process's CPU beside them: the CPU figure is the one that does not
 * grow when other work shares the machine.
 */
import { join } from 'node:path';
import { LIMITS } from '../src/common/limits';
import { loadConfig } from '../src/config/config';
import { RENDER_LIMITS } from '../src/markdown/render-limits';
import { HOSTILE_MARKDOWN, WIKI_PAGE_TITLES } from '../test/support/hostile-markdown';
import { report, Row, SMOKE } from './lib/report';
import { median } from './lib/stats';
import { serverUnderRender } from './render-server';
import { RenderTimer, Timing } from './render-timer';

const RUNS = SMOKE ? 1 : 3;
const BUDGET_MS = SMOKE ? 10_000 : 120_000;
const MESSAGE = LIMITS.messageBodyChars;
const DOCUMENT = SMOKE ? 64 * 1024 : LIMITS.documentBodyBytes;
/** Issue 12's goal for any input under the caps; the time limit (MARKDOWN_RENDER_TIMEOUT_MS) is the backstop. */
const GOAL_MS = 1000;
const TIME_LIMIT_MS = loadConfig({}).markdownRenderTimeoutMs;

const wikiLinks = new Map(
  WIKI_PAGE_TITLES.map((title, i) => [title, { href: `/groups/g/documents/${i}`, pageId: String(i) }]),
);

export function realisticDocument(bytes: number): string {
  const section = (i: number): string =>
    [
      `## Signal ${i}: hydrogen and battery recycling`,
      '',
      `Electrolyser suppliers in the **energy** association report _new_ orders; see [[Hydrogen roadmap]] and [[Page ${i}]].`,
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
  while (Buffer.byteLength(out) > bytes) out = out.slice(0, out.length - (Buffer.byteLength(out) - bytes));
  return out;
}

const plainParagraphs = (bytes: number): string =>
  ('Plain text about upskilling programmes. '.repeat(20) + '\n\n').repeat(Math.ceil(bytes / 822)).slice(0, bytes);

interface Input {
  name: string;
  make: (size: number) => string;
}

const INPUTS: Input[] = [
  { name: 'realistic document, wiki links resolved', make: realisticDocument },
  { name: 'plain paragraphs', make: plainParagraphs },
  ...HOSTILE_MARKDOWN.map((c) => ({ name: c.name, make: (size: number) => c.make(size) })),
];

async function measure(timer: RenderTimer, source: string, runs: number): Promise<Timing> {
  const timings: Timing[] = [];
  for (let r = 0; r < runs; r++) {
    const t = await timer.time({ source, wikiLinks }, BUDGET_MS);
    if ('overBudget' in t) return t;
    timings.push(t);
  }
  const ok = timings as Array<Exclude<Timing, { overBudget: number }>>;
  return { ms: median(ok.map((t) => t.ms)), cpuMs: median(ok.map((t) => t.cpuMs)), outBytes: ok[0].outBytes };
}

const show = (t: Timing | null): string =>
  t === null
    ? '—'
    : 'overBudget' in t
      ? `> ${t.overBudget / 1000} s`
      : `${Math.round(t.ms)} ms (cpu ${Math.round(t.cpuMs)})`;
const kb = (n: number): string => (n >= 1_000_000 ? `${(n / 1_048_576).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`);

/** The renderer alone, in this process, on every input at both caps. */
async function inProcess(): Promise<{ rows: Row[]; slowest: Input }> {
  const after = new RenderTimer(join(__dirname, '..', 'src', 'markdown', 'markdown.js'));
  const beforeModule = process.env.BENCH_RENDER_BEFORE;
  const before = beforeModule ? new RenderTimer(beforeModule) : null;
  const rows: Row[] = [];
  const raw: Record<string, unknown> = {};
  let slowest = { input: INPUTS[0], ms: 0 };
  try {
    await after.time({ source: realisticDocument(256 * 1024), wikiLinks }, BUDGET_MS); // warm-up, dropped
    for (const input of INPUTS) {
      for (const size of [MESSAGE, DOCUMENT]) {
        const source = input.make(size);
        const now = await measure(after, source, RUNS);
        // Linear-ish: four times the input should cost about four times as much (judged on CPU,
        // and only above 20 ms, where noise does not decide it).
        const quarter = size === DOCUMENT ? await measure(after, input.make(size / 4), RUNS) : null;
        const growth =
          quarter && !('overBudget' in quarter) && !('overBudget' in now) && quarter.cpuMs >= 20
            ? now.cpuMs / quarter.cpuMs
            : null;
        const then = before ? await measure(before, source, 1) : null;
        const ms = 'overBudget' in now ? Infinity : now.ms;
        if (size === DOCUMENT && ms > slowest.ms && input.name !== INPUTS[0].name) slowest = { input, ms };
        const inline = source.length <= RENDER_LIMITS.inlineMaxChars;
        rows.push({
          id: `${input.name.slice(0, 24)} @${kb(source.length)}`,
          what: `${input.name}, ${kb(source.length)} → ${'outBytes' in now ? kb(now.outBytes) : '?'} HTML${growth ? `; ×${growth.toFixed(1)} for ×4 input` : ''}`,
          result: show(now),
          baseline: before ? `before: ${show(then)}` : '—',
          target: inline ? '< 50 ms (inline)' : `< ${GOAL_MS} ms (limit ${TIME_LIMIT_MS}), ×4 for ×4`,
          met: inline ? ms < 50 : ms < GOAL_MS && (growth === null || growth < 6),
        });
        raw[`${input.name} @${source.length}`] = { now, quarter, then };
        process.stdout.write(`  ${rows[rows.length - 1].id}: ${rows[rows.length - 1].result}\n`);
      }
    }
  } finally {
    await after.close();
    await before?.close();
  }
  report({ name: 'render', mode: 'in-process', rows, raw });
  return { rows, slowest: slowest.input };
}

/** The largest source `make` gives whose JSON request (newlines as `\n`) the server accepts. */
function fitsRequest(make: (size: number) => string): string {
  for (let size = DOCUMENT; ; size = Math.floor(size * 0.95)) {
    const source = make(size);
    if (JSON.stringify({ source }).length < LIMITS.httpBodyBytes - 1024) return source;
  }
}

export async function run(): Promise<void> {
  const { slowest } = await inProcess();
  await serverUnderRender(slowest.name, fitsRequest(slowest.make), fitsRequest(realisticDocument));
}
