import { diffLines } from 'diff';
import type { DiffChunk, LineDiff } from './revision.view';

export type { DiffChunk, LineDiff } from './revision.view';

/** Splits a chunk's text into lines, without inventing an empty last line. */
function lines(value: string): string[] {
  const parts = value.split('\n');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** A line diff of two texts, computed by jsdiff (the `diff` package, loaded through its CommonJS build). */
export function lineDiff(from: string, to: string): LineDiff {
  const chunks: DiffChunk[] = [];
  let added = 0;
  let removed = 0;
  // A missing final newline would otherwise make the last line look changed.
  const a = from.endsWith('\n') || from === '' ? from : from + '\n';
  const b = to.endsWith('\n') || to === '' ? to : to + '\n';
  for (const change of diffLines(a, b)) {
    const op = change.added ? 'add' : change.removed ? 'remove' : 'equal';
    const ls = lines(change.value);
    if (op === 'add') added += ls.length;
    if (op === 'remove') removed += ls.length;
    chunks.push({ op, lines: ls });
  }
  return { chunks, added, removed };
}

/** The names of the non-body fields whose values differ between two snapshots. */
export function changedFields(from: Record<string, unknown>, to: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(from), ...Object.keys(to)]);
  return [...keys].filter((k) => JSON.stringify(from[k]) !== JSON.stringify(to[k])).sort();
}
