import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root (this file also runs compiled, from dist/, for the benchmarks). */
function repoRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}
export const ROOT = repoRoot(__dirname);
const MAIN = join(ROOT, 'dist', 'src', 'main.js');

export interface ExitResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the built server as a child process, exactly as `npm start` does, on an ephemeral port. */
export class AppProcess {
  readonly lines: string[] = [];
  stderr = '';
  url = '';
  port = 0;
  private readonly exited: Promise<ExitResult>;

  private constructor(private readonly child: ChildProcess) {
    let stdout = '';
    let partial = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      partial += chunk.toString();
      const parts = partial.split('\n');
      partial = parts.pop()!;
      this.lines.push(...parts);
    });
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr: this.stderr })),
    );
  }

  /** Starts the server; resolves once it listens, rejects with its output if it exits first. */
  static async start(env: Record<string, string>, timeoutMs = 60_000): Promise<AppProcess> {
    const app = AppProcess.spawn(env);
    await app.waitForListening(timeoutMs);
    return app;
  }

  /** Spawns without waiting, for tests of start-up failures. */
  static spawn(env: Record<string, string>): AppProcess {
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(
        ([k]) => !/^(DATABASE_URL|REDIS_URL|MEILI_|DATA_DIR|ADMIN_|SEED_DEMO|PORT)/.test(k),
      ),
    );
    // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (see docs/PERFORMANCE.md).
    const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
    const child = spawn(process.execPath, [...profile, '--disable-warning=ExperimentalWarning', MAIN], {
      env: { ...inherited, HOST: '127.0.0.1', PORT: '0', SEED_DEMO: 'false', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new AppProcess(child);
  }

  get pid(): number {
    return this.child.pid!;
  }

  whenExited(): Promise<ExitResult> {
    return this.exited;
  }

  private async waitForListening(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exited: ExitResult | null = null;
    void this.exited.then((r) => (exited = r));
    while (Date.now() < deadline) {
      // The start banner is printed whatever LOG_LEVEL is.
      const banner = this.lines.map((l) => /Auzolan is running at http:\/\/[^\s]+:(\d+)/.exec(l)).find(Boolean);
      if (banner) {
        this.port = Number(banner[1]);
        this.url = `http://127.0.0.1:${this.port}`;
        return;
      }
      if (exited) throw new Error(`server exited before listening:\n${this.stderr}\n${this.lines.join('\n')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    this.child.kill('SIGKILL');
    throw new Error(`server did not listen within ${timeoutMs} ms:\n${this.stderr}`);
  }

  /** Graceful stop (SIGTERM), as an operator or orchestrator would. */
  async stop(): Promise<ExitResult> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }

  async kill(): Promise<ExitResult> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    return this.exited;
  }

  /** Responses the server logged with a 5xx status: a test suite should end with none. */
  serverErrors(): string[] {
    return this.lines.filter((l) => /"statusCode":5\d\d/.test(l) || /"level":50/.test(l));
  }
}
