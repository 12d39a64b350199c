import type { SearchHit } from '../../api/types';

/** Where a search hit leads. */
export function hitHref(h: SearchHit): string {
  if (h.type === 'message') {
    return h.channelId
      ? `/groups/${h.groupId}/channels/${h.channelId}${h.seq ? `#msg-${h.seq}` : ''}`
      : `/groups/${h.groupId}`;
  }
  if (h.type === 'group') return `/groups/${h.id}`;
  return `/documents/${h.id}`;
}

/** Hits grouped by type, in the order the types first appear (best hit's type first). */
export function groupByType(hits: SearchHit[]): Array<[string, SearchHit[]]> {
  const groups = new Map<string, SearchHit[]>();
  for (const h of hits) groups.set(h.type, [...(groups.get(h.type) ?? []), h]);
  return [...groups.entries()];
}
