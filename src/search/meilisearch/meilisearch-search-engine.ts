import type { EnqueuedTaskPromise, Meilisearch, Settings } from 'meilisearch';
import { MARK_END, MARK_START, markersToHtml, stripMarkers } from '../highlight';
import { latestPerEntity } from '../changes';
import type { SearchableType } from '../search-document';
import { EngineChange, EngineHealth, IndexedVersion, SearchEngine, SearchQuery, SearchResult } from '../search-engine';
import { buildMeiliFilter, documentKey, inList } from './meili-filter';

interface MeiliDocument {
  key: string;
  type: SearchableType;
  id: string;
  version: number;
  deleted: boolean;
  groupId: string;
  kind: string;
  title: string;
  body: string;
  tags: string[];
  authorId: string | null;
  organisationId: string | null;
  url: string;
  extraText: string;
  createdAt: number;
  updatedAt: number;
}

const SETTINGS: Settings = {
  searchableAttributes: ['title', 'tags', 'extraText', 'body'],
  filterableAttributes: [
    'key',
    'deleted',
    'groupId',
    'kind',
    'tags',
    'authorId',
    'organisationId',
    'createdAt',
    'type',
  ],
  sortableAttributes: ['createdAt', 'updatedAt'],
  faceting: { maxValuesPerFacet: 50 },
  pagination: { maxTotalHits: 2000 },
};

const BODY_LIMIT = 100_000;

/** Waits for a Meilisearch task and fails loudly unless it succeeded: never assumed done. */
async function settled(task: EnqueuedTaskPromise): Promise<void> {
  const done = await task.waitTask({ timeout: 60_000, interval: 25 });
  if (done.status !== 'succeeded') {
    throw new Error(`Meilisearch task ${done.uid} ${done.status}: ${done.error?.message ?? 'no error given'}`);
  }
}

/**
 * Meilisearch through its official client. Meilisearch has no conditional writes, so the
 * adapter reads the versions it holds before writing and skips stale changes; deletes are
 * tombstones (`deleted: true`) so an older update cannot resurrect them.
 */
export class MeilisearchSearchEngine extends SearchEngine {
  readonly name = 'meilisearch' as const;

  constructor(
    private readonly client: Meilisearch,
    private readonly uid = 'auzolan',
  ) {
    super();
  }

  async bootstrap(): Promise<void> {
    await this.ensureIndex(this.uid);
  }

  private async ensureIndex(uid: string): Promise<void> {
    const exists = await this.client
      .getIndex(uid)
      .then(() => true)
      .catch((e: { cause?: { code?: string } }) => {
        if (e.cause?.code === 'index_not_found') return false;
        throw e;
      });
    if (!exists) await settled(this.client.createIndex(uid, { primaryKey: 'key' }));
    await settled(this.client.index(uid).updateSettings(SETTINGS));
  }

  async apply(changes: EngineChange[]): Promise<void> {
    await this.write(this.uid, latestPerEntity(changes), true);
  }

  private async write(uid: string, changes: EngineChange[], checkVersions: boolean): Promise<void> {
    if (changes.length === 0) return;
    const index = this.client.index<MeiliDocument>(uid);
    const held = new Map<string, { version: number; deleted: boolean }>();
    if (checkVersions) {
      const keys = changes.map((c) =>
        c.op === 'upsert' ? documentKey(c.document.type, c.document.id) : documentKey(c.type, c.id),
      );
      const current = await index.getDocuments({
        filter: inList('key', keys),
        fields: ['key', 'version', 'deleted'],
        limit: keys.length,
      });
      for (const d of current.results) held.set(d.key, { version: d.version, deleted: d.deleted });
    }
    const docs: MeiliDocument[] = [];
    for (const c of changes) {
      if (c.op === 'upsert') {
        const d = c.document;
        const key = documentKey(d.type, d.id);
        const h = held.get(key);
        // Stale, or the same version already deleted: a tombstone yields only to a newer version.
        if (h && (h.version > c.version || (h.version === c.version && h.deleted))) continue;
        docs.push({
          key,
          type: d.type,
          id: d.id,
          version: c.version,
          deleted: false,
          groupId: d.groupId,
          kind: d.kind,
          title: stripMarkers(d.title),
          body: stripMarkers(d.body).slice(0, BODY_LIMIT),
          tags: d.tags.map(stripMarkers),
          authorId: d.authorId,
          organisationId: d.organisationId,
          url: d.url,
          extraText: stripMarkers(Object.values(d.extra ?? {}).join(' ')),
          createdAt: Date.parse(d.createdAt),
          updatedAt: Date.parse(d.updatedAt),
        });
      } else {
        const key = documentKey(c.type, c.id);
        if ((held.get(key)?.version ?? -1) > c.version) continue;
        docs.push({
          key,
          type: c.type,
          id: c.id,
          version: c.version,
          deleted: true,
          groupId: '',
          kind: '',
          title: '',
          body: '',
          tags: [],
          authorId: null,
          organisationId: null,
          url: '',
          extraText: '',
          createdAt: 0,
          updatedAt: 0,
        });
      }
    }
    if (docs.length) await settled(index.addDocuments(docs, { primaryKey: 'key' }));
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const res = await this.client.index<MeiliDocument>(this.uid).search(query.q, {
      filter: buildMeiliFilter(query.filter),
      limit: query.limit,
      offset: query.offset,
      facets: ['kind', 'tags', 'groupId'],
      attributesToRetrieve: ['type', 'id', 'groupId', 'kind', 'title', 'url'],
      attributesToHighlight: ['title', 'body'],
      attributesToCrop: ['body'],
      cropLength: 30,
      highlightPreTag: MARK_START,
      highlightPostTag: MARK_END,
      showRankingScore: true,
    });
    const facets = res.facetDistribution ?? {};
    return {
      total: res.estimatedTotalHits ?? res.hits.length,
      facets: { kind: facets.kind ?? {}, tag: facets.tags ?? {}, groupId: facets.groupId ?? {} },
      hits: res.hits.map((h) => {
        const formatted = h._formatted ?? {};
        const body = String(formatted.body ?? '');
        return {
          type: h.type,
          id: h.id,
          groupId: h.groupId,
          kind: h.kind,
          title: h.title,
          snippet: markersToHtml(body.includes(MARK_START) ? body : String(formatted.title ?? body)),
          score: h._rankingScore ?? 0,
          url: h.url,
        };
      }),
    };
  }

  async rebuild(source: AsyncIterable<EngineChange[]>, onBatch?: (count: number) => void): Promise<void> {
    // Build a fresh index beside the live one, then swap them atomically.
    const next = `${this.uid}_rebuild_${Date.now()}`;
    await this.ensureIndex(next);
    try {
      for await (const batch of source) {
        await this.write(next, latestPerEntity(batch), false);
        onBatch?.(batch.length);
      }
      await settled(this.client.swapIndexes([{ indexes: [this.uid, next], rename: false }]));
    } finally {
      await settled(this.client.deleteIndex(next)).catch(() => undefined);
    }
  }

  async versions(): Promise<IndexedVersion[]> {
    const out: IndexedVersion[] = [];
    const index = this.client.index<MeiliDocument>(this.uid);
    for (let offset = 0; ; offset += 1000) {
      const page = await index.getDocuments({ fields: ['type', 'id', 'version', 'deleted'], limit: 1000, offset });
      out.push(...page.results.map((d) => ({ type: d.type, id: d.id, version: d.version, deleted: d.deleted })));
      if (page.results.length < 1000) return out;
    }
  }

  async health(): Promise<EngineHealth> {
    try {
      const h = await this.client.health();
      return { ok: h.status === 'available', detail: `meilisearch ${h.status}` };
    } catch (e) {
      return { ok: false, detail: (e as Error).message };
    }
  }
}
