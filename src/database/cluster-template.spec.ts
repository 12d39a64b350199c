import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { canKeepTemplates, ClusterTemplate, makeTemplate, openCluster } from './cluster-template';

/** New data directories start from one prepared template; without one, nothing changes but speed. */
describe('cluster templates', () => {
  let root: string;
  let prepared: number;
  const template = (cacheDir: string): ClusterTemplate => ({
    cacheDir,
    key: 'test-template',
    prepare: async (pglite: PGlite) => {
      prepared++;
      await pglite.exec('CREATE TABLE made_by_prepare (id int)');
    },
  });
  const tables = async (pglite: PGlite) =>
    (await pglite.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'made_by_prepare'`))
      .rows[0].n;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'auzolan-cluster-'));
    prepared = 0;
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('without a template, creates the cluster in place', async () => {
    const pglite = await openCluster(join(root, 'a'), {}, template(join(root, 'cache')));
    expect(await tables(pglite)).toBe(0); // a plain new cluster: the migrations run on it as before
    await pglite.close();
    expect(prepared).toBe(0);
  }, 60_000);

  it('makes the template once; each new directory starts as an independent copy of it', async () => {
    expect(await makeTemplate({}, template(join(root, 'cache')))).toBe(true);
    expect(await makeTemplate({}, template(join(root, 'cache')))).toBe(true);
    for (const dir of ['a', 'b']) {
      const pglite = await openCluster(join(root, dir), {}, template(join(root, 'cache')));
      expect(await tables(pglite)).toBe(1);
      expect((await pglite.query<{ n: number }>('SELECT count(*)::int AS n FROM made_by_prepare')).rows[0].n).toBe(0);
      await pglite.exec('INSERT INTO made_by_prepare VALUES (1)');
      await pglite.close();
    }
    expect(prepared).toBe(1);
  }, 60_000);

  it('keeps no template where the cache cannot be written', async () => {
    writeFileSync(join(root, 'not-a-directory'), '');
    const cacheDir = join(root, 'not-a-directory', 'cache');
    expect(canKeepTemplates(cacheDir)).toBe(false);
    expect(canKeepTemplates(join(root, 'new', 'cache'))).toBe(true);
    expect(await makeTemplate({}, template(cacheDir))).toBe(false);
    expect(prepared).toBe(0);
  });
});
