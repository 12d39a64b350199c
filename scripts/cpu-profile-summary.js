#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from BENCH_CPU_PROF or `node --cpu-prof`): self time by package
// and by function. Optional: only the LAST seconds ending SKIP seconds before the profile's end,
// to leave out start-up and set-up.
//   node scripts/cpu-profile-summary.js <file.cpuprofile> [LAST] [SKIP]
'use strict';
const fs = require('node:fs');

const [file, lastArg, skipArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/cpu-profile-summary.js <file.cpuprofile> [last seconds] [skip seconds]');
  process.exit(2);
}
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const last = Number(lastArg || 0) * 1e6;
let t = 0;
const at = profile.timeDeltas.map((d) => (t += d));
const end = at[at.length - 1] - Number(skipArg || 0) * 1e6;

const self = new Map();
profile.samples.forEach((id, i) => {
  if (last && (at[i] < end - last || at[i] > end)) return;
  self.set(id, (self.get(id) || 0) + (profile.timeDeltas[i] || 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
const byFunction = new Map();
const byPackage = new Map();
const add = (map, key, v) => map.set(key, (map.get(key) || 0) + v);
for (const [id, micros] of self) {
  const { functionName, url, lineNumber } = nodes.get(id).callFrame;
  const where = url.replace(/.*node_modules\//, '').replace(/.*\/dist\//, 'dist/');
  add(byFunction, `${functionName || '(anonymous)'} ${where}:${lineNumber}`, micros);
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  add(
    byPackage,
    pkg ? pkg[1] : url.includes('/dist/') ? where.split('/').slice(0, 3).join('/') : url || functionName,
    micros,
  );
}
const top = (map, n) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');
console.log(
  `${(total / 1e6).toFixed(1)} s sampled\n--- by package\n${top(byPackage, 20)}\n--- by function\n${top(byFunction, 30)}`,
);
