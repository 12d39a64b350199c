import type { SearchHit } from '../../api/types';

/** Where a search hit leads. */
export function hitHref(h: SearchHit): string {
  if (h.url && h.url.startsWith('/') && !h.url.startsWith('//')) return h.url;
  if (h.type === 'message') {
    return h.channelId
      ? `/groups/${h.groupId}/channels/${h.channelId}${h.seq ? `#msg-${h.seq}` : ''}`
      : `/groups/${h.groupId}`;
  }
  if (h.type === 'group') return `/groups/${h.id}`;
  return `/documents/${h.id}`;
}

/** Hits grouped by kind (page, CI note, message…), in the order the kinds first appear (best first). */
export function groupByType(hits: SearchHit[]): Array<[string, SearchHit[]]> {
  const groups = new Map<string, SearchHit[]>();
  for (const h of hits) groups.set(h.kind, [...(groups.get(h.kind) ?? []), h]);
  return [...groups.entries()];
}
