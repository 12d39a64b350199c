import { parentPort, workerData } from 'node:worker_threads';

/**
 * Times renders of one renderer module (THE renderer, or another build of it given by
 * BENCH_RENDER_BEFORE) on a thread the benchmark can stop when a render runs over its budget.
 * Both option shapes are passed: this renderer reads `wikiLinks`, older builds `resolveWikiLink`.
 */
type Render = (source: string, options: object) => string;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module is chosen at run time
const { renderMarkdown } = require(workerData.module as string) as { renderMarkdown: Render };

export interface TimerRequest {
  source: string;
  wikiLinks: Map<string, { href: string; pageId: string } | null>;
}
export interface TimerReply {
  ms: number;
  cpuMs: number;
  outBytes: number;
}

parentPort!.on('message', ({ source, wikiLinks }: TimerRequest) => {
  const options = { wikiLinks, resolveWikiLink: (title: string) => wikiLinks.get(title) ?? null };
  const cpu = process.cpuUsage();
  const started = performance.now();
  const html = renderMarkdown(source, options);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  parentPort!.postMessage({
    ms,
    cpuMs: (used.user + used.system) / 1000,
    outBytes: Buffer.byteLength(html),
  } satisfies TimerReply);
});
parentPort!.postMessage('ready');
