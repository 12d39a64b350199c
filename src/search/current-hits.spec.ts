import { currentOnly, hitKey, keepCurrent } from './current-hits';
import type { SearchableType } from './search-document';
import { SearchEngine, SearchHit, SearchQuery, SearchResult } from './search-engine';
import { Location, SearchSources } from './search-sources';

const OPEN = 'group-open';
const OTHER = 'group-other';
const PRIVATE = 'group-private';

const hit = (type: SearchableType, id: string, groupId: string, kind = type === 'message' ? 'message' : 'page') =>
  ({ type, id, groupId, kind, title: id, snippet: id, score: 1, url: `/groups/${groupId}/${id}` }) satisfies SearchHit;

function result(hits: SearchHit[], total = hits.length): SearchResult {
  const count = (key: (h: SearchHit) => string) =>
    hits.reduce<Record<string, number>>((c, h) => ({ ...c, [key(h)]: (c[key(h)] ?? 0) + 1 }), {});
  return {
    hits,
    total,
    facets: { kind: count((h) => h.kind), tag: { hydrogen: 2 }, groupId: count((h) => h.groupId) },
  };
}

const at = (groupId: string, id: string): Location => ({ groupId, url: `/groups/${groupId}/now/${id}` });

describe('search hits checked against the current state', () => {
  it('drops a hit whose entity moved into a group the caller may not read, whatever the index says', () => {
    const r = keepCurrent(
      result([hit('document', 'moved', OPEN), hit('document', 'stays', OPEN)]),
      new Map([
        [hitKey('document', 'moved'), at(PRIVATE, 'moved')],
        [hitKey('document', 'stays'), at(OPEN, 'stays')],
      ]),
      [OPEN, OTHER],
    );
    expect(r.hits.map((h) => h.id)).toEqual(['stays']);
    expect(r.total).toBe(1);
    expect(r.facets.kind).toEqual({ page: 1 });
    expect(r.facets.groupId).toEqual({ [OPEN]: 1 });
  });

  it('drops hits that no longer exist (deleted pages and messages), lowering total and facets', () => {
    const r = keepCurrent(
      result([hit('document', 'gone', OPEN), hit('message', 'deleted', OPEN), hit('message', 'live', OPEN)], 40),
      new Map([[hitKey('message', 'live'), at(OPEN, 'live')]]),
      [OPEN],
    );
    expect(r.hits.map((h) => h.id)).toEqual(['live']);
    expect(r.total).toBe(38);
    expect(r.facets.kind).toEqual({ message: 1 });
    expect(r.facets.groupId).toEqual({ [OPEN]: 1 });
    // Tags cannot be recounted from hits: they stay as the index holds them.
    expect(r.facets.tag).toEqual({ hydrogen: 2 });
  });

  it('keeps a hit that moved between groups the caller may read, with its current group and route', () => {
    const r = keepCurrent(
      result([hit('document', 'moved', OPEN)]),
      new Map([[hitKey('document', 'moved'), at(OTHER, 'moved')]]),
      [OPEN, OTHER],
    );
    expect(r.hits).toEqual([
      expect.objectContaining({ id: 'moved', groupId: OTHER, url: '/groups/group-other/now/moved' }),
    ]);
    expect(r.total).toBe(1);
    expect(r.facets.groupId).toEqual({ [OTHER]: 1 });
  });

  it('drops a hit that left the group a search was narrowed to, even for a group the caller reads', () => {
    const r = keepCurrent(
      result([hit('document', 'moved', OPEN)]),
      new Map([[hitKey('document', 'moved'), at(OTHER, 'moved')]]),
      [OPEN],
    );
    expect(r.hits).toEqual([]);
    expect(r.total).toBe(0);
  });

  it('does not confuse a document and a message that share an id', () => {
    const r = keepCurrent(
      result([hit('document', 'same', OPEN), hit('message', 'same', OPEN)]),
      new Map([[hitKey('message', 'same'), at(OPEN, 'same')]]),
      [OPEN],
    );
    expect(r.hits.map((h) => h.type)).toEqual(['message']);
  });
});

describe('a search through a stale engine, as SearchService runs it for Postgres and Meilisearch alike', () => {
  /** An engine whose index is stale on purpose: it still answers with what it held before. */
  class StaleEngine extends SearchEngine {
    readonly name = 'meilisearch' as const;
    asked: SearchQuery[] = [];
    constructor(private readonly held: SearchHit[]) {
      super();
    }
    async search(query: SearchQuery): Promise<SearchResult> {
      this.asked.push(query);
      const inGroups = this.held.filter((h) => query.filter.groupIds.includes(h.groupId));
      return result(inGroups.slice(query.offset, query.offset + query.limit), inGroups.length);
    }
    bootstrap = async (): Promise<void> => undefined;
    apply = async (): Promise<void> => undefined;
    rebuild = async (): Promise<void> => undefined;
    versions = async () => [];
    health = async () => ({ ok: true, detail: 'stale on purpose' });
  }

  function sources(now: Record<SearchableType, Record<string, string>>): { sources: SearchSources; calls: string[][] } {
    const s = new SearchSources();
    const calls: string[][] = [];
    for (const type of ['document', 'message'] as const) {
      s.register({
        type,
        count: async () => 0,
        batches: async function* () {},
        locate: async (ids) => {
          calls.push(ids);
          return new Map(ids.filter((id) => now[type][id]).map((id) => [id, at(now[type][id], id)]));
        },
      });
    }
    return { sources: s, calls };
  }

  const run = async (engine: SearchEngine, s: SearchSources, offset = 0, limit = 20): Promise<SearchResult> =>
    currentOnly(s, await engine.search({ q: 'x', filter: { groupIds: [OPEN] }, offset, limit }), [OPEN]);

  it('returns only what the caller may read now, asking each source once per search', async () => {
    const engine = new StaleEngine([
      hit('document', 'moved', OPEN),
      hit('document', 'deleted', OPEN),
      hit('message', 'deleted', OPEN),
      hit('document', 'fine', OPEN),
      hit('message', 'fine', OPEN),
    ]);
    const { sources: s, calls } = sources({ document: { moved: PRIVATE, fine: OPEN }, message: { fine: OPEN } });
    const r = await run(engine, s);
    expect(r.hits.map((h) => `${h.type}:${h.id}`)).toEqual(['document:fine', 'message:fine']);
    expect(r.total).toBe(2);
    expect(calls.map((ids) => [...ids].sort())).toEqual([
      ['deleted', 'fine', 'moved'],
      ['deleted', 'fine'],
    ]);
  });

  it('drops the hits of a type that no feature can locate', async () => {
    const s = new SearchSources();
    const r = await run(new StaleEngine([hit('message', 'm', OPEN)]), s);
    expect(r).toEqual({ hits: [], total: 0, facets: { kind: {}, tag: { hydrogen: 2 }, groupId: {} } });
  });

  it('keeps pages aligned with the engine: page 2 neither repeats nor skips what page 1 showed', async () => {
    const held = Array.from({ length: 6 }, (_, i) => hit('document', `d${i}`, OPEN));
    const now = Object.fromEntries(held.map((h) => [h.id, h.id === 'd1' ? PRIVATE : OPEN]));
    const engine = new StaleEngine(held);
    const s = sources({ document: now, message: {} }).sources;
    const page1 = await run(engine, s, 0, 3);
    const page2 = await run(engine, s, 3, 3);
    expect(page1.hits.map((h) => h.id)).toEqual(['d0', 'd2']);
    expect(page2.hits.map((h) => h.id)).toEqual(['d3', 'd4', 'd5']);
    expect(page1.total).toBe(5);
    expect(engine.asked.map((q) => [q.offset, q.limit])).toEqual([
      [0, 3],
      [3, 3],
    ]);
  });
});
