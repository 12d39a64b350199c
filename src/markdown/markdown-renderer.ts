import { availableParallelism } from 'node:os';
import type { OnModuleDestroy } from '@nestjs/common';
import { AppError } from '../common/errors';
import { isProse, renderMarkdown, RenderOptions } from './markdown';
import { RENDER_LIMITS } from './render-limits';
import { RenderPool, RenderQueueFull, RenderTooComplex } from './render-pool';

export interface BoundedRenderOptions extends RenderOptions {
  /** The input field the source came from, named in a refusal (default `body`). */
  field?: string;
}

/** A source over the render time limit: 413, naming the field it came from. */
export class TooComplexToRender extends AppError {
  constructor(field: string, limitMs: number) {
    const reason = `too complex to render (took over ${limitMs} ms)`;
    super('payload_too_large', `${field}: ${reason}`, [{ field, reason }]);
  }
}

/**
 * THE renderer, bounded: what services call. Small sources (chat messages, a decision) render
 * inline; larger ones on a worker thread with a time limit, so no single render can stall
 * every other request. A render over the limit is refused with 413, naming the field.
 * No Nest imports (MarkdownModule provides it), so the spec can run it.
 */
export class MarkdownRenderer implements OnModuleDestroy {
  private readonly pool: RenderPool;
  /** Inline renders waiting for their turn, and whether the next turn is scheduled. */
  private readonly turns: Array<() => void> = [];
  private turnScheduled = false;

  constructor(private readonly timeLimitMs: number) {
    this.pool = new RenderPool({
      // One core stays with the event loop; two workers at most, as sources wait for few.
      size: Math.max(1, Math.min(2, availableParallelism() - 1)),
      timeLimitMs,
      queueMax: RENDER_LIMITS.queueMax,
      heapMb: RENDER_LIMITS.workerHeapMb,
    });
  }

  async render(source: string, options: BoundedRenderOptions = {}): Promise<string> {
    return (await this.renderAll([source], options))[0];
  }

  /**
   * Renders several sources with the same options (a summary's decisions), inline when they are
   * small together, else as one worker job under one time limit.
   */
  async renderAll(sources: string[], options: BoundedRenderOptions = {}): Promise<string[]> {
    const size = sources.reduce((n, s) => n + s.length, 0);
    if (size <= RENDER_LIMITS.inlineMaxChars) {
      if (size > RENDER_LIMITS.turnAboveChars && !sources.every(isProse)) await this.turn();
      return sources.map((s) => renderMarkdown(s, options));
    }
    try {
      return await this.pool.render(sources, { wikiLinks: options.wikiLinks, mentions: options.mentions });
    } catch (e) {
      if (e instanceof RenderTooComplex) {
        throw new TooComplexToRender(options.field ?? 'body', this.timeLimitMs);
      }
      if (e instanceof RenderQueueFull) {
        throw new AppError('rate_limited', 'Too many large documents are being rendered; retry shortly', undefined, {
          'Retry-After': '1',
        });
      }
      throw e;
    }
  }

  /**
   * Resolves in a later turn of the event loop than any other waiting render: each turn lets the
   * poll phase (other requests, health probes) run before the next render.
   */
  private turn(): Promise<void> {
    return new Promise((resolve) => {
      this.turns.push(resolve);
      this.scheduleTurn();
    });
  }

  private scheduleTurn(): void {
    if (this.turnScheduled || this.turns.length === 0) return;
    this.turnScheduled = true;
    setImmediate(() => {
      this.turnScheduled = false;
      this.turns.shift()!(); // its render runs as this callback's microtask
      this.scheduleTurn(); // the next one waits for the next turn of the loop
    });
  }

  onModuleDestroy(): Promise<void> {
    return this.pool.close();
  }
}
