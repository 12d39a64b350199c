import type { SearchHit } from '@contract';
import { groupPaths } from '../groups/urls';
import { knowledgePaths } from '../knowledge/urls';

/** Where a search hit leads: the server's client route, when it is one of ours (same origin, absolute path). */
export function hitHref(h: SearchHit): string {
  if (h.url.startsWith('/') && !h.url.startsWith('//')) return h.url;
  return h.type === 'message' ? groupPaths.group(h.groupId) : knowledgePaths.document(h.id);
}

/** Hits grouped by kind (page, CI note, message…), in the order the kinds first appear (best first). */
export function groupByType(hits: SearchHit[]): Array<[string, SearchHit[]]> {
  const groups = new Map<string, SearchHit[]>();
  for (const h of hits) groups.set(h.kind, [...(groups.get(h.kind) ?? []), h]);
  return [...groups.entries()];
}
