import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** Starts a compiled bench helper (dist/bench/…) that prints `PORT n`; resolves with its port. */
export async function startHelper(
  script: string,
  env: Record<string, string> = {},
): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(__dirname, '..', script)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    setTimeout(() => reject(new Error(`${script} did not start`)), 30_000);
  });
  return { port, child };
}

/** Kills every child we started, even when the benchmark fails. */
const children = new Set<ChildProcess>();
export function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}
export function killAll(): void {
  for (const c of children) c.kill('SIGKILL');
}
process.on('exit', killAll);
