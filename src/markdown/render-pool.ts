import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RenderOptions } from './markdown';
import type { RenderReply, RenderRequest } from './render-worker';

/** The render took longer than the time limit (or more memory than a worker may have). */
export class RenderTooComplex extends Error {}
/** Every worker is busy and the queue is full. */
export class RenderQueueFull extends Error {}

export interface RenderPoolOptions {
  size: number;
  timeLimitMs: number;
  queueMax: number;
  heapMb: number;
}

interface Job {
  request: RenderRequest;
  resolve: (html: string[]) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** The worker has loaded the renderer and takes jobs. */
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/**
 * The worker entry: compiled JavaScript beside this file, or, when running from sources (unit
 * specs under ts-jest), a small loader that compiles the TypeScript entry in the worker.
 */
function workerEntry(): { file: string; workerData?: { entry: string } } {
  const compiled = join(__dirname, 'render-worker.js');
  if (existsSync(compiled)) return { file: compiled };
  return { file: join(__dirname, 'render-worker.dev.cjs'), workerData: { entry: join(__dirname, 'render-worker.ts') } };
}

/**
 * A few worker threads running THE renderer, so a large source never stalls the event loop.
 * Each render has a time limit, counted from when a worker takes it: past it the worker is
 * terminated (the only way to stop a synchronous parse), a fresh one takes its place, and the
 * caller gets RenderTooComplex. Workers start on first use and are unref'd, so an idle pool
 * keeps no process alive.
 */
export class RenderPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: RenderPoolOptions) {}

  /** Renders the sources in one job (one time limit), with the same options; the HTML of each, in order. */
  render(sources: string[], options: RenderOptions = {}): Promise<string[]> {
    if (this.closed) return Promise.reject(new Error('the render pool is closed'));
    if (this.queue.length >= this.options.queueMax) return Promise.reject(new RenderQueueFull());
    return new Promise((resolve, reject) => {
      this.queue.push({
        request: { id: this.nextId++, sources, wikiLinks: options.wikiLinks, mentions: options.mentions },
        resolve,
        reject,
      });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the render pool is closed'));
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        this.finish(slot)?.reject(new Error('the render pool is closed'));
        return slot.worker.terminate();
      }),
    );
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.ready && s.job === null);
      if (!slot) {
        if (!this.slots.some((s) => !s.ready)) this.spawn(); // it pumps again once ready
        return;
      }
      const job = this.queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => this.fail(slot, new RenderTooComplex()), this.options.timeLimitMs);
      slot.worker.postMessage(job.request);
    }
  }

  /** Starts a worker while the pool has room. */
  private spawn(): void {
    if (this.closed || this.slots.length >= this.options.size) return;
    const { file, workerData } = workerEntry();
    const worker = new Worker(file, {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    const slot: Slot = { worker, ready: false, job: null, timer: null };
    worker.on('message', (reply: RenderReply) => {
      if ('ready' in reply) {
        slot.ready = true;
        return this.pump();
      }
      if (slot.job?.request.id !== reply.id) return;
      const job = this.finish(slot)!;
      if ('html' in reply) job.resolve(reply.html);
      else job.reject(new Error(`render failed: ${reply.error}`));
      this.pump();
    });
    worker.on('error', (e: Error & { code?: string }) =>
      this.fail(slot, e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new RenderTooComplex() : e),
    );
    worker.on('exit', () => this.fail(slot, new Error('the render worker exited')));
    this.slots.push(slot);
  }

  /** Clears the slot's job and timer; returns the job it had. */
  private finish(slot: Slot): Job | null {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    return job;
  }

  /** The worker is stuck or gone: fail its job, replace it, carry on with the queue. */
  private fail(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return; // already replaced
    this.slots.splice(index, 1);
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined); // a late error from the dying worker is not ours any more
    void slot.worker.terminate();
    this.finish(slot)?.reject(error);
    if (this.closed) return;
    if (!slot.ready) {
      // It died while starting: the next one would too. Fail what waits; the next render retries.
      for (const job of this.queue.splice(0)) job.reject(error);
      return;
    }
    this.spawn(); // warm, so the next large render does not pay for a start
    this.pump();
  }
}
