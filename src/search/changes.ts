import type { EngineChange } from './search-engine';

export function changeKey(c: EngineChange): string {
  return c.op === 'upsert' ? `${c.document.type}:${c.document.id}` : `${c.type}:${c.id}`;
}

/** Keeps one change per entity: the highest version, a delete winning a tie. */
export function latestPerEntity(changes: EngineChange[]): EngineChange[] {
  const latest = new Map<string, EngineChange>();
  for (const c of changes) {
    const held = latest.get(changeKey(c));
    if (!held || c.version > held.version || (c.version === held.version && c.op === 'delete')) {
      latest.set(changeKey(c), c);
    }
  }
  return [...latest.values()];
}
