// `npm run bench` runs every benchmark; `npm run bench -- search http` runs some.
// BENCH_SMOKE=1 runs tiny versions (CI checks they run and report, not their speed).
/* eslint-disable @typescript-eslint/no-require-imports -- lazy: load only the benchmarks asked for */
import { killAll } from './lib/child';

const BENCHES: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  http: () => Promise.resolve(require('./http') as { run: () => Promise<void> }),
  'cold-start': () => Promise.resolve(require('./cold-start') as { run: () => Promise<void> }),
  search: () => Promise.resolve(require('./search') as { run: () => Promise<void> }),
  realtime: () => Promise.resolve(require('./realtime') as { run: () => Promise<void> }),
  render: () => Promise.resolve(require('./render') as { run: () => Promise<void> }),
};
type Realtime = typeof import('./realtime');
/** Parts of a benchmark, by name; `npm run bench` alone does not run them (their whole already does). */
const PARTS: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  fanout: () => Promise.resolve({ run: () => (require('./realtime') as Realtime).run(['fanout']) }),
  persist: () => Promise.resolve({ run: () => (require('./realtime') as Realtime).run(['persist']) }),
};

async function main(): Promise<void> {
  const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const known = { ...BENCHES, ...PARTS };
  const unknown = names.filter((n) => !known[n]);
  if (unknown.length)
    throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(known).join(', ')}`);
  for (const name of names.length ? names : Object.keys(BENCHES)) {
    const started = Date.now();
    console.log(`\n### ${name}`);
    await (await known[name]()).run();
    console.log(`(${name} took ${Math.round((Date.now() - started) / 1000)} s)`);
  }
}

main()
  .catch((e: Error) => {
    console.error(`bench failed: ${e.stack ?? e.message}`);
    process.exitCode = 1;
  })
  .finally(killAll);
