import type { SearchableType } from './search-document';
import type { SearchFacets, SearchHit, SearchResult } from './search-engine';
import type { Location, SearchSources } from './search-sources';

/** The key of a hit in a `locate` answer. */
export const hitKey = (type: SearchableType, id: string): string => `${type}:${id}`;

function bump(counts: Record<string, number>, key: string, by: number): void {
  const n = (counts[key] ?? 0) + by;
  if (n > 0) counts[key] = n;
  else delete counts[key];
}

/**
 * Checks an engine's answer against the current state of each hit, so that what the index
 * still holds (it lags the tables by the outbox, by milliseconds or, with the engine down,
 * longer) never shows the caller something they may not read now:
 * - a hit whose entity no longer exists or is no longer live (not in `located`) is dropped;
 * - a hit whose entity now sits in a group outside `allowedGroupIds` (the caller's readable
 *   groups, narrowed by a `groupId` filter) is dropped, whatever group the index says;
 * - a hit that moved between allowed groups is kept, with its current group and route.
 *
 * Paging stays aligned with the engine: page N is the engine's page N minus the hits dropped
 * from it, so a later page neither repeats nor skips a hit (a page may be short while the
 * index catches up). `total` and the kind and group facets are lowered by the dropped hits
 * of this page; hits on other pages and the tag facet (hits carry no tags) are counted as
 * the index holds them until it catches up.
 */
export function keepCurrent(
  result: SearchResult,
  located: ReadonlyMap<string, Location>,
  allowedGroupIds: readonly string[],
): SearchResult {
  const allowed = new Set(allowedGroupIds);
  const facets: SearchFacets = {
    kind: { ...result.facets.kind },
    tag: { ...result.facets.tag },
    groupId: { ...result.facets.groupId },
  };
  const hits: SearchHit[] = [];
  let dropped = 0;
  for (const hit of result.hits) {
    const now = located.get(hitKey(hit.type, hit.id));
    if (!now || !allowed.has(now.groupId)) {
      dropped++;
      bump(facets.kind, hit.kind, -1);
      bump(facets.groupId, hit.groupId, -1);
      continue;
    }
    if (now.groupId !== hit.groupId) {
      bump(facets.groupId, hit.groupId, -1);
      bump(facets.groupId, now.groupId, 1);
    }
    hits.push({ ...hit, groupId: now.groupId, url: now.url });
  }
  return { hits, total: Math.max(0, result.total - dropped), facets };
}

/** Where the hits are now: one query per searchable type among them, run together. */
export async function locateHits(sources: SearchSources, hits: SearchHit[]): Promise<Map<string, Location>> {
  const idsOf = new Map<SearchableType, string[]>();
  for (const h of hits) idsOf.set(h.type, [...(idsOf.get(h.type) ?? []), h.id]);
  const located = new Map<string, Location>();
  await Promise.all(
    [...idsOf].map(async ([type, ids]) => {
      // A type no feature offers cannot be checked, so its hits are left out (and dropped).
      const found = (await sources.of(type)?.locate(ids)) ?? new Map<string, Location>();
      for (const [id, where] of found) located.set(hitKey(type, id), where);
    }),
  );
  return located;
}

/** An engine's answer, checked against the current state (see keepCurrent): what SearchService returns. */
export async function currentOnly(
  sources: SearchSources,
  result: SearchResult,
  allowedGroupIds: readonly string[],
): Promise<SearchResult> {
  return keepCurrent(result, await locateHits(sources, result.hits), allowedGroupIds);
}
