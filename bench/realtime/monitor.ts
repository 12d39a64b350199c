import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Resident set size of a process, in KiB (Linux: /proc/<pid>/status VmRSS). */
export function rssKb(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for process ${pid}`);
  return Number(m[1]);
}

const RESOLUTION_MS = 5;

/** CPU time a process has used so far, ms (/proc/<pid>/stat utime + stime; USER_HZ is 100 on Linux). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export interface LoadGenLoad {
  /** CPU of this (load generator) process over the phase, in % of one core. */
  cpuPct: number;
  /** CPU of the server process over the phase, in % of one core (its JavaScript runs on one). */
  serverCpuPct: number | null;
  /** p99 of its event-loop delay, ms: when high, the generator itself is late and the latencies are its own. */
  loopDelayP99Ms: number;
}

/**
 * Watches the load generator itself (and the server's CPU) during a phase. One process drives
 * every client, so at high rates it can be the bottleneck; these figures say when that happened.
 */
export function watchLoadGen(serverPid: number | null): () => LoadGenLoad {
  const cpu = process.cpuUsage();
  const server = serverPid ? cpuMs(serverPid) : 0;
  const started = performance.now();
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  return () => {
    delay.disable();
    const used = process.cpuUsage(cpu);
    const wallUs = (performance.now() - started) * 1000;
    return {
      cpuPct: Math.round(((used.user + used.system) / wallUs) * 100),
      serverCpuPct: serverPid ? Math.round(((cpuMs(serverPid) - server) / (wallUs / 1000)) * 100) : null,
      // The histogram holds whole timer intervals: the delay is what exceeds the resolution.
      loopDelayP99Ms: Math.max(0, Math.round((delay.percentile(99) / 1e6 - RESOLUTION_MS) * 100) / 100),
    };
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
