import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** Starts a compiled bench helper (dist/bench/…) that prints `PORT n`; resolves with its port. */
export async function startHelper(
  script: string,
  env: Record<string, string> = {},
): Promise<{ port: number; child: ChildProcess }> {
  const child = track(
    spawn(process.execPath, [join(__dirname, '..', script)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    setTimeout(() => reject(new Error(`${script} did not start`)), 30_000).unref(); // must not keep the bench alive
  });
  return { port, child };
}

/** Runs a compiled bench helper to completion and parses the `RESULT <json>` line it prints. */
export async function runHelper<T>(script: string, env: Record<string, string>, timeoutMs: number): Promise<T> {
  const child = track(
    spawn(process.execPath, ['--disable-warning=ExperimentalWarning', join(__dirname, '..', script)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  clearTimeout(timer);
  const line = out.split('\n').find((l) => l.startsWith('RESULT '));
  if (code !== 0 || !line) throw new Error(`${script} failed (exit ${code}):\n${out.slice(-2000)}`);
  return JSON.parse(line.slice('RESULT '.length)) as T;
}

/** Kills every child we started, even when the benchmark fails. */
const children = new Set<ChildProcess>();
const pids = new Set<number>();
export function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}
/** For children started elsewhere (test/support's AppProcess); forget them once stopped. */
export function trackPid(pid: number): () => void {
  pids.add(pid);
  return () => pids.delete(pid);
}
export function killAll(): void {
  for (const c of children) c.kill('SIGKILL');
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  pids.clear();
}
process.on('exit', killAll);
