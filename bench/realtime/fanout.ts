import { CONFIG } from './config';
import { Fleet, OpenLoopResult, Seat } from './fleet';
import { rssKb, sleep } from './monitor';

export interface Memory {
  beforeKb: number;
  afterKb: number;
  perClientKb: number;
  connectMs: number;
}

export interface FanoutResult {
  main: OpenLoopResult;
  sweep: OpenLoopResult[];
  /** Highest swept rate with full delivery and p99 < 100 ms (null: none). */
  best: number | null;
  /** The sweep stopped because the next rate would break the server's per-socket limit, not on a failure. */
  cappedAt: number | null;
}

/** A sweep step passes with everything delivered and p99 under 100 ms (issue 7, G1). */
export const passes = (r: OpenLoopResult): boolean => r.complete && r.latency.p99 < 100;

/**
 * G6: RSS of the server process (the app, or the bare baseline) before the clients connect and
 * after they are all connected and joined, each time after letting it settle.
 */
export async function connect(
  url: string,
  serverPid: number,
  seats: Seat[],
): Promise<{ memory: Memory; fleet: Fleet }> {
  await sleep(CONFIG.settleMs);
  const beforeKb = rssKb(serverPid);
  const t0 = performance.now();
  const fleet = await Fleet.open(url, seats, serverPid);
  const connectMs = Math.round(performance.now() - t0);
  await sleep(CONFIG.settleMs);
  const afterKb = rssKb(serverPid);
  const perClientKb = Math.round(((afterKb - beforeKb) / seats.length) * 10) / 10;
  log(`  ${seats.length} clients connected and joined in ${connectMs} ms; RSS ${mb(beforeKb)} → ${mb(afterKb)} MB`);
  return { memory: { beforeKb, afterKb, perClientKb, connectMs }, fleet };
}

/**
 * G1 with a connected fleet: the open-loop run at CONFIG.rate on a quiet server, then the rate
 * sweep, stopping at the first failing rate (or before a rate the per-socket limit forbids).
 */
export async function fanout(fleet: Fleet): Promise<FanoutResult> {
  const main = await fleet.openLoop(CONFIG.rate, CONFIG.warmupSeconds, CONFIG.seconds);
  log(`  G1 ${CONFIG.rate} msg/s: ${brief(main)}`);
  const sweep: OpenLoopResult[] = [];
  let best: number | null = null;
  let cappedAt: number | null = null;
  for (const rate of CONFIG.sweep) {
    if (rate > fleet.maxRate) {
      cappedAt = rate;
      break;
    }
    const step = await fleet.openLoop(rate, CONFIG.stepWarmupSeconds, CONFIG.stepSeconds);
    sweep.push(step);
    log(`  sweep ${rate} msg/s: ${brief(step)}`);
    if (!passes(step)) break;
    best = rate;
  }
  return { main, sweep, best, cappedAt };
}

const mb = (kb: number): string => (kb / 1024).toFixed(1);
const log = (line: string): void => void process.stdout.write(`${line}\n`);

/** One progress line per run: enough to see what happened without the JSON. */
export function brief(r: OpenLoopResult): string {
  const delivery = r.complete
    ? `100% (${r.delivered}), ${r.deliveriesPerSecond}/s, p50 ${r.latency.p50} p99 ${r.latency.p99} ms`
    : `INCOMPLETE ${r.delivered}/${r.expected}, failed sends ${r.failed} ${JSON.stringify(r.errors)}`;
  const busy = r.backlogWaitMs === null ? '; STARTED WHILE THE SERVER WAS STILL BUSY' : '';
  return `${delivery}${busy}; ack p99 ${r.ack.p99} ms; other events ${r.otherEventsPerSecond}/s; server ${r.loadGen.serverCpuPct}% CPU; load generator ${r.loadGen.cpuPct}% CPU, loop delay p99 ${r.loadGen.loopDelayP99Ms} ms`;
}
