import { Latency } from './stats';

export interface ClosedLoopOptions {
  senders: number;
  /** Operations in flight per sender. */
  window: number;
  warmupSeconds: number;
  seconds: number;
  /** Each sender starts at most one operation per this many ms (keeps it under a rate limit). */
  minGapMs: number;
}

export interface ClosedLoopResult<R> {
  started: number;
  ok: number;
  failed: number;
  errors: Record<string, number>;
  /** Operations completed inside the measured window (after the warm-up), per second. */
  perSecond: number;
  /** From start to completion, for operations started after the warm-up. */
  latency: ReturnType<Latency['summary']>;
  results: R[];
}

/** An operation failure with a short code (an ack's error code, 'timeout', a SQL state). */
export class OpError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * `senders` × `window` loops, each starting its next operation when the last one completes,
 * for warm-up + seconds. Used alike for the app (G2) and for the naive baseline process, so the
 * two are driven the same way. Bounded: nothing starts after the end; operations carry their
 * own timeouts.
 */
export async function closedLoop<R>(
  opts: ClosedLoopOptions,
  op: (sender: number) => Promise<R>,
): Promise<ClosedLoopResult<R>> {
  const start = performance.now();
  const measureFrom = start + opts.warmupSeconds * 1000;
  const end = measureFrom + opts.seconds * 1000;
  const nextAt = new Array<number>(opts.senders).fill(start);
  const latency = new Latency();
  const errors: Record<string, number> = {};
  const results: R[] = [];
  let started = 0;
  let failed = 0;
  let measured = 0;

  const slot = async (sender: number): Promise<void> => {
    for (;;) {
      const at = Math.max(performance.now(), nextAt[sender]);
      nextAt[sender] = at + opts.minGapMs;
      if (at >= end) return;
      const wait = at - performance.now();
      if (wait > 0) await sleep(wait);
      const t0 = performance.now();
      started++;
      try {
        results.push(await op(sender));
        const t1 = performance.now();
        if (t0 >= measureFrom) latency.recordMs(t1 - t0);
        if (t1 >= measureFrom && t1 <= end) measured++;
      } catch (e) {
        failed++;
        const code = e instanceof OpError ? e.code : e instanceof Error ? e.message.slice(0, 60) : String(e);
        errors[code] = (errors[code] ?? 0) + 1;
      }
    }
  };
  const loops: Array<Promise<void>> = [];
  for (let s = 0; s < opts.senders; s++) for (let w = 0; w < opts.window; w++) loops.push(slot(s));
  await Promise.all(loops);
  return {
    started,
    ok: results.length,
    failed,
    errors,
    perSecond: Math.round(measured / opts.seconds),
    latency: latency.summary(),
    results,
  };
}
