import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../src/config/config';
import type { AuzolanDataSource } from '../src/database/data-source';
import type { OutboxChange } from '../src/search/outbox';
import type { OutboxWorker } from '../src/search/outbox-worker';
import type { SearchDocument } from '../src/search/search-document';
import type { EngineChange, SearchEngine, SearchQuery, SearchResult } from '../src/search/search-engine';
import { findHtmlDangers } from './support/html-safety';
import { createTestDatabase, TestDatabase } from './support/test-database';

/**
 * ONE contract, run against every engine: the Postgres engine always (embedded PGlite, or the
 * DATABASE_URL server), and the Meilisearch engine whenever MEILI_HOST is set. The engines
 * are the built ones from dist/, on a real database.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dist = (path: string): Record<string, unknown> => require(join(__dirname, '..', 'dist', 'src', path));
const { loadConfig } = dist('config/config.js') as {
  loadConfig: (env: Record<string, string>, cwd?: string) => AppConfig;
};
const { openDatabase } = dist('database/data-source.js') as {
  openDatabase: (c: AppConfig) => Promise<{ dataSource: AuzolanDataSource }>;
};
const { PostgresSearchEngine } = dist('search/postgres/postgres-search-engine.js') as {
  PostgresSearchEngine: new (ds: DataSource, options?: { prefixProbePages?: number }) => SearchEngine;
};
const { OutboxWorker: Worker } = dist('search/outbox-worker.js') as {
  OutboxWorker: new (ds: DataSource, engine: SearchEngine, o?: object) => OutboxWorker;
};
const { writeOutbox } = dist('search/outbox.js') as {
  writeOutbox: (m: unknown, changes: OutboxChange[]) => Promise<void>;
};

interface EngineUnderTest {
  name: string;
  create(dataSource: DataSource): Promise<SearchEngine>;
}

const engines: EngineUnderTest[] = [{ name: 'postgres', create: async (ds) => new PostgresSearchEngine(ds) }];
if (process.env.MEILI_HOST) {
  engines.push({
    name: 'meilisearch',
    create: async () => {
      const { MeilisearchSearchEngine } = dist('search/meilisearch/meilisearch-search-engine.js') as {
        MeilisearchSearchEngine: new (client: unknown, uid: string) => SearchEngine;
      };
      const { Meilisearch } = (await import('meilisearch')) as { Meilisearch: new (c: object) => unknown };
      const client = new Meilisearch({ host: process.env.MEILI_HOST, apiKey: process.env.MEILI_API_KEY });
      return new MeilisearchSearchEngine(client, `contract_${Date.now()}`);
    },
  });
}

const G1 = randomUUID();
const G2 = randomUUID();
let n = 0;
function doc(fields: Partial<SearchDocument> = {}): SearchDocument {
  const id = fields.id ?? randomUUID();
  return {
    type: 'document',
    id,
    groupId: G1,
    kind: 'ci_note',
    title: `Untitled ${++n}`,
    body: '',
    tags: [],
    authorId: null,
    organisationId: null,
    language: 'en',
    url: `/documents/${id}`,
    createdAt: new Date(Date.UTC(2026, 0, 1 + n)).toISOString(),
    updatedAt: new Date(Date.UTC(2026, 0, 1 + n)).toISOString(),
    ...fields,
  };
}
const up = (document: SearchDocument, version = 1): EngineChange => ({ op: 'upsert', version, document });

describe.each(engines)('search engine contract: $name', ({ create }) => {
  let db: TestDatabase;
  let dataSource: AuzolanDataSource;
  let engine: SearchEngine;
  const search = (q: string, extra: Partial<SearchQuery> = {}): Promise<SearchResult> =>
    engine.search({
      q,
      filter: { groupIds: [G1, G2], ...extra.filter },
      limit: extra.limit ?? 20,
      offset: extra.offset ?? 0,
      mode: extra.mode,
    });
  const ids = (r: SearchResult): string[] => r.hits.map((h) => h.id);

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({ ...db.env, DATA_DIR: db.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'auzolan-c-')) });
    ({ dataSource } = await openDatabase(config));
    engine = await create(dataSource);
    await engine.bootstrap();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('ranks a title match above a body match', async () => {
    const inBody = doc({
      title: 'Quarterly radar',
      body: 'A new electrolyser plant for green electrolysis in the port.',
    });
    const inTitle = doc({ title: 'Electrolyser makers compared', body: 'Market overview.' });
    await engine.apply([up(inBody), up(inTitle)]);
    expect(ids(await search('electrolyser')).slice(0, 2)).toEqual([inTitle.id, inBody.id]);
  });

  it('matches prefixes as you type, typos in titles, and folds accents both ways', async () => {
    const hydrogen = doc({ title: 'Hydrogen valleys in Europe', tags: ['hydrogen'] });
    const hidrogeno = doc({ title: 'Hidrógeno verde en el puerto', language: 'es', body: 'La planta de hidrógeno.' });
    const battery = doc({ title: 'Battery recycling plants', tags: ['battery recycling'] });
    await engine.apply([up(hydrogen), up(hidrogeno), up(battery)]);
    expect(ids(await search('hydro'))).toContain(hydrogen.id);
    expect(ids(await search('hidrogeno'))).toContain(hidrogeno.id);
    expect(ids(await search('HIDRÓGENO'))).toContain(hidrogeno.id);
    expect(ids(await search('baterry'))).toContain(battery.id);
    expect(ids(await search('recycl'))).toContain(battery.id);
  });

  it('searches as you type (mode prefix): prefixes in titles and bodies, accents, typos when nothing matches, filters', async () => {
    const maker = doc({ title: 'Electrolyser makers compared', body: 'Stack prices.' });
    const panel = doc({ title: 'Rooftop survey', body: 'Photovoltaic panels on every school.', groupId: G2 });
    const verde = doc({ title: 'Hidrógeno verde en Bilbao', language: 'es' });
    const recycling = doc({ title: 'Battery recycling plants', tags: ['battery recycling'] });
    await engine.apply([up(maker), up(panel), up(verde), up(recycling)]);
    const typed = (q: string, filter?: Partial<SearchQuery['filter']>): Promise<SearchResult> =>
      search(q, { mode: 'prefix', limit: 12, filter: { groupIds: [G1, G2], ...filter } });
    expect(ids(await typed('electroly'))).toContain(maker.id);
    expect(ids(await typed('makers elec'))).toContain(maker.id);
    expect(ids(await typed('photovol'))).toContain(panel.id);
    expect(ids(await typed('hidróg'))).toContain(verde.id);
    expect(ids(await typed('HIDROG'))).toContain(verde.id);
    expect(ids(await typed('baterry'))).toContain(recycling.id);
    expect(ids(await typed('photovol', { groupIds: [G1] }))).not.toContain(panel.id);
    for (const nothing of ['?!', '¿', '*']) {
      expect([nothing, (await typed(nothing)).total, (await search(nothing)).total]).toEqual([nothing, 0, 0]);
    }
    const hit = (await typed('electroly')).hits.find((h) => h.id === maker.id)!;
    expect(hit.snippet + hit.title).toBeTruthy();
    expect(findHtmlDangers(hit.snippet)).toEqual([]);
  });

  it('finds documents with any of the words when all of them together find little, ranked below', async () => {
    const both = doc({ title: 'Tidal kelp farming', body: 'Seaweed grown beside tidal turbines.' });
    const tidal = doc({ title: 'Tidal barrage study' });
    const kelp = doc({ title: 'Kelp cooperatives' });
    await engine.apply([up(both), up(tidal), up(kelp)]);
    const found = ids(await search('tidal kelp'));
    expect(found[0]).toBe(both.id);
    expect(found).toEqual(expect.arrayContaining([tidal.id, kelp.id]));
    // A negated word is never brought back by the looser tiers.
    expect(ids(await search('kelp -tidal'))).toEqual([kelp.id]);
  });

  it('filters by kind, tag and group, and counts facets over all matches', async () => {
    const a = doc({ title: 'Talent pipeline survey', kind: 'page', tags: ['talent', 'survey'] });
    const b = doc({ title: 'Talent retention note', kind: 'ci_note', tags: ['talent'] });
    const c = doc({ title: 'Talent in another group', kind: 'ci_note', tags: ['talent'], groupId: G2 });
    await engine.apply([up(a), up(b), up(c)]);
    const all = await search('talent');
    expect(new Set(ids(all))).toEqual(new Set([a.id, b.id, c.id]));
    expect(all.facets.kind).toEqual({ page: 1, ci_note: 2 });
    expect(all.facets.tag).toMatchObject({ talent: 3, survey: 1 });
    expect(all.facets.groupId).toEqual({ [G1]: 2, [G2]: 1 });
    expect(ids(await search('talent', { filter: { groupIds: [G1, G2], kinds: ['page'] } }))).toEqual([a.id]);
    expect(ids(await search('talent', { filter: { groupIds: [G1, G2], tags: ['survey'] } }))).toEqual([a.id]);
    expect(ids(await search('talent', { filter: { groupIds: [G2] } }))).toEqual([c.id]);
    const none = await search('talent', { filter: { groupIds: [randomUUID()] } });
    expect(none.total).toBe(0);
    expect(none.facets.kind).toEqual({});
  });

  it('paginates without repeating or skipping', async () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      doc({ title: `Upskilling programme ${i}`, tags: ['upskilling'] }),
    );
    await engine.apply(many.map((d) => up(d)));
    const pages = [];
    for (let offset = 0; offset < 30; offset += 10) pages.push(await search('upskilling', { limit: 10, offset }));
    expect(pages.map((p) => p.hits.length)).toEqual([10, 10, 5]);
    expect(pages[0].total).toBe(25);
    const seen = pages.flatMap(ids);
    expect(new Set(seen).size).toBe(25);
  });

  it('returns highlights that are safe HTML with <mark> as the only markup', async () => {
    const hostile = doc({
      title: '<script>alert(1)</script> Photonics',
      body: 'Before <img src=x onerror=alert(1)> photonics & "quotes" after \u0001 stray marker',
    });
    await engine.apply([up(hostile)]);
    const hit = (await search('photonics')).hits.find((h) => h.id === hostile.id)!;
    expect(hit.snippet).toMatch(/<mark>photonics<\/mark>/i);
    expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    expect(findHtmlDangers(hit.snippet)).toEqual([]);
  });

  it('deletes, and never lets a stale update resurrect or overwrite', async () => {
    const id = randomUUID();
    await engine.apply([up(doc({ id, title: 'Gigafactory first draft' }), 1)]);
    expect(ids(await search('gigafactory'))).toContain(id);
    await engine.apply([up(doc({ id, title: 'Gigafactory final' }), 3)]);
    await engine.apply([up(doc({ id, title: 'Gigafactory stale draft' }), 2)]); // arrives late
    expect(ids(await search('stale'))).not.toContain(id);
    expect(ids(await search('final'))).toContain(id);
    await engine.apply([{ op: 'delete', version: 4, type: 'document', id }]);
    expect(ids(await search('gigafactory'))).not.toContain(id);
    await engine.apply([up(doc({ id, title: 'Gigafactory zombie' }), 3)]);
    expect(ids(await search('gigafactory'))).not.toContain(id);
    await engine.apply([up(doc({ id, title: 'Gigafactory restored' }), 5)]);
    expect(ids(await search('restored'))).toContain(id);
  });

  it('applies a same-version re-announcement, but never over a tombstone of that version', async () => {
    const id = randomUUID();
    await engine.apply([up(doc({ id, title: 'Geothermal before' }), 7)]);
    await engine.apply([up(doc({ id, title: 'Geothermal reannounced' }), 7)]);
    expect(ids(await search('reannounced'))).toContain(id);
    await engine.apply([{ op: 'delete', version: 7, type: 'document', id }]);
    await engine.apply([up(doc({ id, title: 'Geothermal reannounced again' }), 7)]);
    expect(ids(await search('geothermal'))).not.toContain(id);
  });

  it('converges through the outbox after the engine fails: writes succeed, nothing is lost', async () => {
    let failing = true;
    const flaky = Object.create(engine) as SearchEngine;
    flaky.apply = async (changes) => {
      if (failing) throw new Error('engine unavailable');
      return engine.apply(changes);
    };
    const worker = new Worker(dataSource, flaky, { batchSize: 50, maxBackoffMs: 1 });
    const docs = Array.from({ length: 30 }, (_, i) => doc({ title: `Offshore wind note ${i}` }));
    for (const d of docs) {
      await dataSource.transaction((m) => writeOutbox(m, [{ op: 'upsert', version: 1, document: d }]));
    }
    await dataSource.transaction((m) =>
      writeOutbox(m, [{ op: 'delete', version: 2, type: 'document', id: docs[0].id }]),
    );
    await expect(worker.drainOnce()).rejects.toThrow('engine unavailable');
    expect((await worker.backlog()).pending).toBe(31);
    failing = false;
    await dataSource.query(`UPDATE search_outbox SET available_at = now() WHERE processed_at IS NULL`);
    await worker.drainAll();
    expect((await worker.backlog()).pending).toBe(0);
    const held = new Map((await engine.versions()).map((v) => [v.id, v]));
    for (const d of docs.slice(1)) expect(held.get(d.id)).toMatchObject({ version: 1, deleted: false });
    expect(held.get(docs[0].id)).toMatchObject({ version: 2, deleted: true });
    await worker.stop();
  });

  it('rebuilds online from the source: stale entries go, tombstones stay', async () => {
    const keep = doc({ title: 'Circular economy keep' });
    const gone = doc({ title: 'Circular economy orphan' });
    await engine.apply([up(keep), up(gone)]);
    async function* source(): AsyncIterable<EngineChange[]> {
      yield [up(keep, 1)];
    }
    await engine.rebuild(source());
    const found = ids(await search('circular'));
    expect(found).toContain(keep.id);
    expect(found).not.toContain(gone.id);
  });
});

describe('the Postgres engine as you type', () => {
  let db: TestDatabase;
  let dataSource: AuzolanDataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({ ...db.env, DATA_DIR: db.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'auzolan-c-')) });
    ({ dataSource } = await openDatabase(config));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('finds the same whether its sampled-pages probe holds the matches, some of them or none', async () => {
    const engine = new PostgresSearchEngine(dataSource);
    // Bodies of random words spread the rows over pages, so a one-page probe sees only some.
    const noise = (): string => Array.from({ length: 100 }, () => randomUUID().slice(0, 8)).join(' ');
    const docs = Array.from({ length: 60 }, (_, i) =>
      doc({ title: i % 3 ? `Wombat census ${i}` : `Platypus survey ${i}`, body: noise(), groupId: i % 2 ? G1 : G2 }),
    );
    await engine.apply(docs.map((d) => up(d)));
    const [{ pages }] = (await dataSource.query(
      `SELECT count(DISTINCT (ctid::text::point)[0])::int AS pages FROM search_entries`,
    )) as Array<{ pages: number }>;
    expect(pages).toBeGreaterThan(3);
    // The probe samples about `probePages` pages (with a fixed seed): some of these see part of the rows.
    const sampled = async (probePages: number): Promise<number> => {
      const [{ n }] = (await dataSource.query(
        `SELECT count(*)::int AS n FROM search_entries TABLESAMPLE SYSTEM (least(100, 100.0 * $1
           / greatest(1, pg_relation_size('search_entries') / current_setting('block_size')::int))) REPEATABLE (0)`,
        [probePages],
      )) as Array<{ n: number }>;
      return n;
    };
    const partial = [];
    for (const probePages of [1, 2, 3]) {
      const n = await sampled(probePages);
      if (n > 0 && n < docs.length) partial.push(probePages);
    }
    expect(partial.length).toBeGreaterThan(0);
    const wombats = docs.filter((d) => d.title.startsWith('Wombat'));
    const idsOf = (list: SearchDocument[]): string[] => list.map((d) => d.id).sort();
    const asTyped = async (probePages: number | undefined, q: string, limit: number, groupIds = [G1, G2]) => {
      const engineUnderTest = new PostgresSearchEngine(dataSource, { prefixProbePages: probePages });
      const r = await engineUnderTest.search({ q, filter: { groupIds }, limit, offset: 0, mode: 'prefix' });
      return r.hits.map((h) => h.id).sort();
    };
    for (const probePages of [undefined, 0, ...partial]) {
      expect(await asTyped(probePages, 'womb', 50)).toEqual(idsOf(wombats));
      expect(await asTyped(probePages, 'womb', 50, [G1])).toEqual(idsOf(wombats.filter((d) => d.groupId === G1)));
      expect(await asTyped(probePages, 'wombat cen', 5)).toHaveLength(5);
      expect(await asTyped(probePages, 'qzxv', 50)).toEqual([]);
    }
  });
});

describe('the Meilisearch adapter with an unreachable MEILI_HOST', () => {
  let db: TestDatabase;
  let dataSource: AuzolanDataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ dataSource } = await openDatabase(loadConfig(db.env)));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('lets writes succeed and keeps the changes queued, with the error recorded, until it is back', async () => {
    const { MeilisearchSearchEngine } = dist('search/meilisearch/meilisearch-search-engine.js') as {
      MeilisearchSearchEngine: new (client: unknown) => SearchEngine;
    };
    const { Meilisearch } = (await import('meilisearch')) as { Meilisearch: new (c: object) => unknown };
    const engine = new MeilisearchSearchEngine(new Meilisearch({ host: 'http://127.0.0.1:9', timeout: 2000 }));
    expect((await engine.health()).ok).toBe(false);
    const worker = new Worker(dataSource, engine, { maxBackoffMs: 1 });
    const d = doc({ title: 'Queued while the engine is down' });
    await dataSource.transaction((m) => writeOutbox(m, [{ op: 'upsert', version: 1, document: d }]));
    await expect(worker.drainOnce()).rejects.toThrow();
    const [row] = (await dataSource.query(
      `SELECT attempts, last_error, processed_at FROM search_outbox WHERE entity_id = $1`,
      [d.id],
    )) as Array<{ attempts: number; last_error: string; processed_at: Date | null }>;
    expect(row).toMatchObject({ attempts: 1, processed_at: null });
    expect(row.last_error).toBeTruthy();
    await worker.stop();
  });
});
