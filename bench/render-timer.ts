import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TimerReply, TimerRequest } from './render-timer-worker';

export type Timing = TimerReply | { overBudget: number };

/**
 * One renderer module on its own thread. A render over budget is stopped (the thread is
 * replaced), so a quadratic build is reported as "> budget" instead of running for an hour.
 * `cpuMs` is the process's CPU during the render (the main thread only waits).
 */
export class RenderTimer {
  private worker: Promise<Worker> | null = null;

  constructor(private readonly module: string) {}

  async time(request: TimerRequest, budgetMs: number): Promise<Timing> {
    const worker = await (this.worker ??= this.start());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        worker.removeAllListeners();
        void worker.terminate();
        this.worker = null;
        resolve({ overBudget: budgetMs });
      }, budgetMs);
      worker.once('message', (reply: TimerReply) => {
        clearTimeout(timer);
        worker.removeAllListeners('error');
        resolve(reply);
      });
      worker.once('error', (e) => {
        clearTimeout(timer);
        this.worker = null;
        reject(e);
      });
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    if (this.worker) await (await this.worker).terminate();
    this.worker = null;
  }

  private start(): Promise<Worker> {
    const worker = new Worker(join(__dirname, 'render-timer-worker.js'), {
      workerData: { module: this.module },
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
    });
    return new Promise((resolve, reject) => {
      worker.once('message', () => resolve(worker));
      worker.once('error', reject);
    });
  }
}
