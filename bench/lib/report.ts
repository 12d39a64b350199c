import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export interface Row {
  id: string;
  what: string;
  result: string;
  baseline: string;
  target: string;
  met: boolean | null;
}

export interface BenchOutput {
  name: string;
  mode: string;
  rows: Row[];
  raw: Record<string, unknown>;
}

export const SMOKE = process.env.BENCH_SMOKE === '1';
const RESULTS = join(__dirname, '..', '..', '..', 'bench', 'results');

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** Writes bench/results/<name>-<mode>.json and prints a table. */
export function report(out: BenchOutput): void {
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `${out.name}-${out.mode}.json`);
  writeFileSync(
    file,
    JSON.stringify({ ...out, machine: machine(), at: new Date().toISOString(), smoke: SMOKE }, null, 2),
  );
  console.log(`\n${out.name} (${out.mode}${SMOKE ? ', smoke' : ''}) → ${file}`);
  console.log('| id | what | result | baseline | target | met |');
  console.log('|---|---|---|---|---|---|');
  for (const r of out.rows) {
    console.log(
      `| ${r.id} | ${r.what} | ${r.result} | ${r.baseline} | ${r.target} | ${r.met === null ? 'n/a' : r.met ? 'yes' : 'NO'} |`,
    );
  }
}

/** The modes a benchmark runs in: always embedded; Postgres when DATABASE_URL is set. */
export function modes(): Array<{ mode: string; serverUrl: string | null }> {
  const list: Array<{ mode: string; serverUrl: string | null }> = [{ mode: 'embedded', serverUrl: null }];
  if (process.env.DATABASE_URL) list.push({ mode: 'postgres', serverUrl: process.env.DATABASE_URL });
  else console.log('(DATABASE_URL is unset: skipping the Postgres leg)');
  return list;
}
