import { Row } from '../lib/report';
import { CONFIG, FULL_SIZE } from './config';
import { FanoutResult, Memory, passes } from './fanout';
import { OpenLoopResult } from './fleet';
import { PersistResult } from './persist';

/** Below issue 7's sizes a target is not judged (n/a), only reported. */
const judged = (ok: boolean): boolean | null => (FULL_SIZE ? ok : null);
const n = (x: number): string => x.toLocaleString('en');
const perRoom = Math.round(CONFIG.clients / CONFIG.channels);

export function memoryRow(full: Memory, bare: Memory): Row {
  const kb = (r: Memory): string =>
    `${r.perClientKb} KB/client (server RSS ${n(Math.round(r.beforeKb / 1024))} → ${n(Math.round(r.afterKb / 1024))} MB; connect+join ${n(r.connectMs)} ms)`;
  return {
    id: 'G6',
    what: `RSS per connected client: ${n(CONFIG.clients)} authenticated sockets, each joined to a channel`,
    result: kb(full),
    baseline: `bare socket.io: ${kb(bare)}`,
    target: '≤ 150 KB',
    met: judged(full.perClientKb <= 150),
  };
}

function delivery(r: OpenLoopResult): string {
  const busy = r.backlogWaitMs === null ? 'started while the server was still busy with the previous run; ' : '';
  const extra = `${busy}other events ${n(r.otherEventsPerSecond)}/s; server ${r.loadGen.serverCpuPct}% CPU; load generator ${r.loadGen.cpuPct}% CPU, loop delay p99 ${r.loadGen.loopDelayP99Ms} ms`;
  if (!r.complete) {
    const errors = Object.entries(r.errors).map(([k, v]) => `${k} ${n(v)}`);
    const stopped =
      r.sent < r.planned
        ? ` (stopped after ${n(r.sent)} of ${n(r.planned)}: over ${CONFIG.maxBehindSeconds} s of sends unanswered)`
        : '';
    return `INCOMPLETE: ${n(r.delivered)} of ${n(r.expected)} delivered, ${n(r.failed)} of ${n(r.sent)} sends failed${errors.length ? ` (${errors.join(', ')})` : ''}${stopped}; ${extra}`;
  }
  return `100% delivered (${n(r.delivered)}), ${n(r.deliveriesPerSecond)} deliveries/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms (ack p99 ${r.ack.p99} ms); ${extra}`;
}

export function fanoutRow(full: FanoutResult, bare: FanoutResult): Row {
  return {
    id: 'G1',
    what: `fan-out: ${n(CONFIG.clients)} clients in ${CONFIG.channels} channels of one group (${perRoom} each), ${n(CONFIG.rate)} msg/s open loop for ${CONFIG.seconds} s (warm-up ${CONFIG.warmupSeconds} s dropped)`,
    result: delivery(full.main),
    baseline: `bare socket.io: ${delivery(bare.main)}`,
    target: '100% delivered; p99 ≤ 50 ms',
    met: judged(full.main.complete && full.main.latency.p99 <= 50),
  };
}

function best(r: FanoutResult): string {
  const failed = r.sweep.find((s) => !passes(s));
  const why = failed
    ? failed.complete
      ? `${n(failed.rate)} msg/s: p99 ${failed.latency.p99} ms`
      : `${n(failed.rate)} msg/s: ${n(failed.delivered)} of ${n(failed.expected)} delivered`
    : r.cappedAt
      ? `stopped before ${n(r.cappedAt)} msg/s (per-socket limit)`
      : 'passed every rate swept';
  const top = r.best === null ? 'none' : `${n(r.best)} msg/s (${n(r.best * (perRoom - 1))} deliveries/s)`;
  const trail = r.sweep.map((s) => `${n(s.rate)}: ${s.complete ? `p99 ${s.latency.p99} ms` : 'incomplete'}`);
  return `${top}; ${why} [${trail.join(' · ')}]`;
}

export function sweepRow(full: FanoutResult, bare: FanoutResult): Row {
  const ratio = full.best !== null && bare.best ? full.best / bare.best : 0;
  const bareTop = bare.sweep.length > 0 && bare.sweep.every(passes);
  return {
    id: 'G1',
    what: `highest rate with full delivery and p99 < 100 ms (swept ${CONFIG.sweep.join(', ')} msg/s, ${CONFIG.stepSeconds} s each after ${CONFIG.stepWarmupSeconds} s warm-up, stop at first failure)`,
    result: `${best(full)}; ${Math.round(ratio * 100)}% of bare${bareTop ? ' (bare passed every rate: the ratio is an upper bound)' : ''}`,
    baseline: `bare socket.io: ${best(bare)}`,
    target: '≥ 50% of bare',
    met: judged(ratio >= 0.5),
  };
}

export function persistRows(r: PersistResult): Row[] {
  const { app, naive, verification: v } = r;
  const ceiling = CONFIG.senders * CONFIG.perSocketMax;
  const errors = Object.entries(app.errors).map(([k, c]) => `${k} ${n(c)}`);
  return [
    {
      id: 'G2',
      what: `persisted with acks: ${n(CONFIG.senders)} senders × ${CONFIG.window} in flight in ${CONFIG.g2Channels} channels, closed loop ${CONFIG.g2Seconds} s (warm-up 1 s dropped; load ceiling ${n(ceiling)}/s)`,
      result: `${n(app.perSecond)}/s (ack p50 ${app.latency.p50} ms, p99 ${app.latency.p99} ms; ${n(app.failed)} failed${errors.length ? `: ${errors.join(', ')}` : ''}; server ${app.loadGen.serverCpuPct}% CPU, load generator ${app.loadGen.cpuPct}% CPU)${app.perSecond >= ceiling * 0.9 ? ' — at the load ceiling' : ''}`,
      baseline: `naive, one autocommit statement per message (${naive.kind}): ${n(naive.perSecond)}/s (p50 ${naive.latency.p50} ms, p99 ${naive.latency.p99} ms; ${n(naive.failed)} failed)`,
      target: '≥ 5,000/s and ≥ 2× naive',
      met: judged(app.perSecond >= 5000 && app.perSecond >= 2 * naive.perSecond),
    },
    {
      id: 'G2',
      what: 'every acked message stored under its seq, seqs gapless per channel (read back over HTTP)',
      result: v.ok
        ? `ok: ${n(v.acked)} acked, ${n(v.stored)} stored in ${v.channels} channels, gapless`
        : `FAILED: ${v.problems.slice(0, 3).join('; ')}`,
      baseline: `naive: ${n(naive.stored)} stored, ${naive.gapless ? 'gapless' : 'GAPS'}`,
      target: 'all acked stored; no gaps',
      met: v.ok,
    },
  ];
}
