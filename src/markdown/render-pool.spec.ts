import { AppError } from '../common/errors';
import { renderMarkdown } from './markdown';
import { MarkdownRenderer, TooComplexToRender } from './markdown-renderer';
import { RENDER_LIMITS } from './render-limits';
import { RenderPool, RenderQueueFull, RenderTooComplex } from './render-pool';

/** Legitimately slow: markdown-it needs seconds for a megabyte of unclosed image brackets. */
const SLOW = '!['.repeat(524_288);
const page = (n: number): string =>
  Array.from({ length: n }, (_, i) => `## Part ${i}\n\nSee [[Hydrogen roadmap]] and **bold** text.\n`).join('\n');
const wikiLinks = new Map([['Hydrogen roadmap', { href: '/groups/g/documents/1', pageId: '1' }]]);

describe('the render pool', () => {
  let pool: RenderPool;
  afterEach(() => pool.close());

  it('renders on a worker exactly what the renderer renders inline, wiki links included', async () => {
    pool = new RenderPool({ size: 1, timeLimitMs: 30_000, queueMax: 4, heapMb: 256 });
    const sources = [page(500), '# h\n'.repeat(10_000)];
    expect(await pool.render(sources, { wikiLinks })).toEqual(sources.map((s) => renderMarkdown(s, { wikiLinks })));
  });

  it('stops a render at the time limit, and a fresh worker takes the next one', async () => {
    pool = new RenderPool({ size: 1, timeLimitMs: 100, queueMax: 4, heapMb: 256 });
    const slow = pool.render([SLOW]);
    const waitingBehind = pool.render([page(10)]);
    await expect(slow).rejects.toBeInstanceOf(RenderTooComplex);
    expect(await waitingBehind).toEqual([renderMarkdown(page(10))]);
    expect(await pool.render([page(20)])).toEqual([renderMarkdown(page(20))]);
  }, 60_000);

  it('refuses a render when the queue is full, rather than queueing without end', async () => {
    pool = new RenderPool({ size: 1, timeLimitMs: 30_000, queueMax: 2, heapMb: 256 });
    // The worker is still starting: both wait, and a third finds no room.
    const first = pool.render([page(50)]);
    const second = pool.render([page(50)]);
    await expect(pool.render([page(50)])).rejects.toBeInstanceOf(RenderQueueFull);
    expect(await Promise.all([first, second])).toHaveLength(2);
  }, 60_000);
});

describe('MarkdownRenderer', () => {
  const renderer = (timeLimitMs: number): MarkdownRenderer => new MarkdownRenderer(timeLimitMs);

  it('renders small sources inline and large ones on a worker, alike', async () => {
    const markdown = renderer(30_000);
    try {
      const small = page(3);
      const large = page(600);
      expect(small.length).toBeLessThanOrEqual(RENDER_LIMITS.inlineMaxChars);
      expect(large.length).toBeGreaterThan(RENDER_LIMITS.inlineMaxChars);
      expect(await markdown.render(small, { wikiLinks })).toBe(renderMarkdown(small, { wikiLinks }));
      expect(await markdown.render(large, { wikiLinks })).toBe(renderMarkdown(large, { wikiLinks }));
      expect(await markdown.renderAll([small, large])).toEqual([renderMarkdown(small), renderMarkdown(large)]);
    } finally {
      await markdown.onModuleDestroy();
    }
  }, 60_000);

  it('renders long inline sources one per turn of the event loop, letting other work in between', async () => {
    const markdown = renderer(30_000);
    try {
      const order: string[] = [];
      const long = '# h\n'.repeat(2_500); // 10,000 characters: a chat message at the limit
      const renders = [1, 2, 3].map((i) => markdown.render(long).then(() => order.push(`render ${i}`)));
      setImmediate(() => order.push('other work'));
      await Promise.all(renders);
      expect(order).toEqual(['render 1', 'other work', 'render 2', 'render 3']);
    } finally {
      await markdown.onModuleDestroy();
    }
  });

  it('refuses a source over the time limit with 413 naming the field', async () => {
    const markdown = renderer(100);
    try {
      const refusal = await markdown.render(SLOW, { field: 'source' }).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(TooComplexToRender);
      expect((refusal as AppError).status).toBe(413);
      expect((refusal as AppError).toBody()).toEqual({
        error: {
          code: 'payload_too_large',
          message: 'source: too complex to render (took over 100 ms)',
          details: [{ field: 'source', reason: 'too complex to render (took over 100 ms)' }],
        },
      });
    } finally {
      await markdown.onModuleDestroy();
    }
  }, 60_000);
});
