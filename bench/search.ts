import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/database/data-source';
import { PostgresSearchEngine } from '../src/search/postgres/postgres-search-engine';
import type { EngineChange } from '../src/search/search-engine';
import { AppProcess } from '../test/support/app-process';
import { createTestDatabase } from '../test/support/test-database';
import { Latency } from './lib/stats';
import { modes, report, SMOKE } from './lib/report';

const LISTS = '/var/lib/apt/lists';
const ADMIN = { ADMIN_EMAIL: 'bench@auzolan.test', ADMIN_PASSWORD: 'bench-password-1' };

interface Entry {
  title: string;
  body: string;
  tags: string[];
}

/**
 * Real text: Debian's package descriptions. Long descriptions (Translation-en, fetched with
 * `apt-get update -o Acquire::Languages=en`) are split into paragraphs; without them the
 * short descriptions from the Packages lists are used.
 */
export function loadCorpus(limit: number): Entry[] {
  const files = readdirSync(LISTS);
  const translations = files.filter((f) => f.includes('Translation-en'));
  const cat = (f: string): string =>
    execFileSync('/usr/lib/apt/apt-helper', ['cat-file', join(LISTS, f)], { maxBuffer: 1 << 30 }).toString();
  const entries: Entry[] = [];
  if (translations.length === 0) {
    process.stderr.write(
      'search: no Translation-en lists, so the short descriptions are used (not the corpus in docs/PERFORMANCE.md); ' +
        'run `apt-get update -o Acquire::Languages=en` for the long ones\n',
    );
  }
  if (translations.length) {
    for (const f of translations) {
      for (const stanza of cat(f).split('\n\n')) {
        const pkg = /^Package: (.+)$/m.exec(stanza)?.[1];
        const desc = /^Description-en: (.*)\n((?: .*\n?)*)/m.exec(stanza);
        if (!pkg || !desc) continue;
        const paragraphs = desc[2]
          .split(/\n \.\n/)
          .map((p) => p.replace(/^ /gm, '').replace(/\s+/g, ' ').trim())
          .filter((p) => p.length > 20);
        for (const body of paragraphs.length ? paragraphs : [desc[1]]) {
          entries.push({ title: `${pkg}: ${desc[1]}`, body, tags: [pkg.split('-')[0]] });
          if (entries.length >= limit) return entries;
        }
      }
    }
  }
  for (const f of files.filter((x) => x.endsWith('Packages.lz4') || x.endsWith('Packages'))) {
    for (const stanza of cat(f).split('\n\n')) {
      const pkg = /^Package: (.+)$/m.exec(stanza)?.[1];
      const desc = /^Description: (.+)$/m.exec(stanza)?.[1];
      const section = /^Section: (.+)$/m.exec(stanza)?.[1] ?? 'misc';
      if (pkg && desc) entries.push({ title: pkg, body: desc, tags: [section] });
      if (entries.length >= limit) return entries;
    }
  }
  if (entries.length === 0) throw new Error(`no Debian package lists in ${LISTS}: run apt-get update first`);
  return entries;
}

function queries(corpus: Entry[], count: number): { full: string[]; prefix: string[] } {
  const words = corpus
    .flatMap((e) => e.title.split(/[^A-Za-z]+/))
    .filter((w) => w.length >= 5)
    .map((w) => w.toLowerCase());
  const pick = (i: number): string => words[(i * 7919) % words.length];
  const full = Array.from({ length: count }, (_, i) => (i % 3 === 0 ? `${pick(i)} ${pick(i + 1)}` : pick(i)));
  const prefix = Array.from({ length: count }, (_, i) => pick(i + 5).slice(0, 3 + (i % 3)));
  return { full, prefix };
}

/** G4: a document saved through the API → first found by search (polled every 5 ms). */
async function freshness(url: string, token: string, groupId: string, count: number): Promise<Latency> {
  const latency = new Latency();
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  for (let i = 0; i < count; i++) {
    const word = `fresh${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const started = performance.now();
    const res = await fetch(`${url}/api/groups/${groupId}/documents`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ kind: 'page', title: `Freshness probe ${word}`, body: `Probe ${word}.` }),
    });
    if (res.status !== 201) throw new Error(`create → ${res.status} ${await res.text()}`);
    for (let polls = 0; ; polls++) {
      const found = (await (
        await fetch(`${url}/api/search?q=${word}`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as { total: number };
      if (found.total > 0) break;
      if (polls > 2000) throw new Error(`${word} not findable after 10 s`);
      await new Promise((r) => setTimeout(r, 5));
    }
    if (i >= 3) latency.recordMs(performance.now() - started); // the first few warm up
  }
  return latency;
}

/** `mode=prefix` is what the client's command palette sends as you type. */
async function measure(url: string, token: string, qs: string[], mode: 'full' | 'prefix'): Promise<Latency> {
  const latency = new Latency();
  for (const [i, q] of qs.entries()) {
    const started = performance.now();
    const res = await fetch(`${url}/api/search?q=${encodeURIComponent(q)}&limit=10&mode=${mode}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await res.text();
    if (res.status !== 200) throw new Error(`search ${q} → ${res.status}`);
    if (i >= 20) latency.recordMs(performance.now() - started); // the first 20 warm up
  }
  return latency;
}

/** G3: search over ~100k real-text entries; plus the naive full-ranking query as a baseline. */
export async function run(): Promise<void> {
  const size = SMOKE ? 2_000 : 100_000;
  const corpus = loadCorpus(size);
  const { full, prefix } = queries(corpus, SMOKE ? 40 : 400);
  for (const { mode, serverUrl } of modes()) {
    const db = await createTestDatabase(serverUrl);
    const appEnv = { ...db.env, ...ADMIN, LOG_LEVEL: 'warn' };
    // 1. A group to hold the corpus (through the API, as an admin would).
    let app = await AppProcess.start(appEnv);
    const login = async (): Promise<string> => {
      const res = await fetch(`${app.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: ADMIN.ADMIN_EMAIL, password: ADMIN.ADMIN_PASSWORD }),
      });
      return ((await res.json()) as { token: string }).token;
    };
    let token = await login();
    const group = (await (
      await fetch(`${app.url}/api/groups`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ slug: 'debian', name: 'Debian packages' }),
      })
    ).json()) as { id: string };
    await app.stop();

    // 2. Load the corpus through the engine (the outbox worker's path), in batches.
    const { dataSource } = await openDatabase(loadConfig({ ...appEnv }));
    const engine = new PostgresSearchEngine(dataSource);
    const loadStart = performance.now();
    for (let i = 0; i < corpus.length; i += 1000) {
      const now = new Date().toISOString();
      const batch: EngineChange[] = corpus.slice(i, i + 1000).map((e) => {
        const id = randomUUID();
        return {
          op: 'upsert',
          version: 1,
          document: {
            type: 'document',
            id,
            groupId: group.id,
            kind: 'page',
            title: e.title,
            body: e.body,
            tags: e.tags,
            authorId: null,
            organisationId: null,
            language: 'en',
            url: `/documents/${id}`,
            createdAt: now,
            updatedAt: now,
          },
        };
      });
      await engine.apply(batch);
    }
    const loadSeconds = (performance.now() - loadStart) / 1000;
    // Baseline: the naive query, ranking every match and computing every headline.
    const naive = new Latency();
    for (const q of full.slice(0, SMOKE ? 10 : 100)) {
      const started = performance.now();
      await dataSource.query(
        `SELECT id, ts_rank(tsv, query) AS rank, ts_headline('english', body, query) FROM search_entries,
           websearch_to_tsquery('english', $1) query WHERE tsv @@ query ORDER BY rank DESC LIMIT 10`,
        [q],
      );
      naive.recordMs(performance.now() - started);
    }
    await dataSource.destroy();

    // 3. The real thing: the app, over HTTP, as the client's command palette calls it.
    app = await AppProcess.start(appEnv);
    token = await login();
    try {
      const f = (await measure(app.url, token, full, 'full')).summary();
      const p = (await measure(app.url, token, prefix, 'prefix')).summary();
      const fresh = (await freshness(app.url, token, group.id, SMOKE ? 6 : 60)).summary();
      const n = naive.summary();
      report({
        name: 'search',
        mode,
        rows: [
          {
            id: 'G3',
            what: `full queries over ${corpus.length.toLocaleString('en')} entries (HTTP, p50/p95/p99 ms)`,
            result: `${f.p50} / ${f.p95} / ${f.p99}`,
            baseline: `naive full ranking (in-process SQL): ${n.p50} / ${n.p95} / ${n.p99}`,
            target: 'p95 ≤ 50, p99 ≤ 150',
            met: f.p95 <= 50 && f.p99 <= 150,
          },
          {
            id: 'G3',
            what: 'prefix queries, search-as-you-type (HTTP, p50/p95/p99 ms)',
            result: `${p.p50} / ${p.p95} / ${p.p99}`,
            baseline: '',
            target: 'p95 ≤ 15',
            met: p.p95 <= 15,
          },
          {
            id: 'G4',
            what: 'freshness: POST document → found by GET /api/search (p50/p95/p99 ms)',
            result: `${fresh.p50} / ${fresh.p95} / ${fresh.p99}`,
            baseline: '',
            target: 'p95 ≤ 100',
            met: fresh.p95 <= 100,
          },
        ],
        raw: { full: f, prefix: p, naive: n, freshness: fresh, loadSeconds, entries: corpus.length },
      });
    } finally {
      await app.stop();
      await db.drop();
    }
  }
}
