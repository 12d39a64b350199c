import {
  accessSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { PGlite, PGliteOptions } from '@electric-sql/pglite';

/** A prepared cluster new data directories start from (see openCluster). */
export interface ClusterTemplate {
  /** Where templates are kept. */
  cacheDir: string;
  /** Names what a template holds: the PGlite version and a digest of the migrations. */
  key: string;
  /** Brings a new template up to date (runs the migrations), on its own PGlite instance. */
  prepare(pglite: PGlite): Promise<void>;
}

/**
 * Opens the embedded cluster in `pgDir`, creating it when the directory is new.
 *
 * Creating a cluster runs initdb inside PGlite: 2–3 s of WASM on two cores, most of a first
 * start, where opening an existing directory takes about 0.5 s. initdb and the migrations make
 * the same cluster every time, so a new data directory starts as a copy of a template made once
 * per key (as the test suites' template is), and the migration runner finds nothing to do. A copy
 * shares the template's system identifier, which only matters to physical replication, not used
 * here. `npm run build` makes the template (cluster-template.cli.ts); without one (a template
 * not made, or migrations changed since the build) the cluster is created in place, as PGlite does.
 */
export async function openCluster(pgDir: string, options: PGliteOptions, template: ClusterTemplate): Promise<PGlite> {
  if (!isEmpty(pgDir)) return PGlite.create(pgDir, options);
  const ready = join(template.cacheDir, template.key);
  if (!existsSync(join(ready, 'PG_VERSION'))) return PGlite.create(pgDir, options);
  cpSync(ready, pgDir, { recursive: true });
  try {
    return await PGlite.create(pgDir, options);
  } catch {
    // A damaged template: drop it and the copy, and create this cluster in place.
    rmSync(ready, { recursive: true, force: true });
    rmSync(pgDir, { recursive: true, force: true });
    return PGlite.create(pgDir, options);
  }
}

/** Whether a template could be written there (a read-only install cannot keep one). */
export function canKeepTemplates(cacheDir: string): boolean {
  for (let dir = cacheDir; ; dir = dirname(dir)) {
    if (existsSync(dir)) {
      try {
        accessSync(dir, constants.W_OK);
        return statSync(dir).isDirectory();
      } catch {
        return false;
      }
    }
    if (dirname(dir) === dir) return false;
  }
}

/**
 * Makes the template for this key if it is missing; returns whether one exists now. It is made
 * aside and renamed into place, so a reader never sees half a cluster, and two processes making
 * it at once both succeed (the second rename fails and its copy is dropped).
 */
export async function makeTemplate(options: PGliteOptions, template: ClusterTemplate): Promise<boolean> {
  const dir = join(template.cacheDir, template.key);
  if (existsSync(join(dir, 'PG_VERSION'))) return true;
  const tmp = `${dir}.${process.pid}.tmp`;
  try {
    mkdirSync(template.cacheDir, { recursive: true });
    rmSync(tmp, { recursive: true, force: true });
    const pglite = await PGlite.create(tmp, options);
    try {
      await template.prepare(pglite);
    } finally {
      await pglite.close();
    }
    try {
      renameSync(tmp, dir);
    } catch (e) {
      if (!existsSync(join(dir, 'PG_VERSION'))) throw e;
    }
    tidy(template.cacheDir);
    return true;
  } catch {
    return false;
  } finally {
    try {
      rmSync(tmp, { recursive: true, force: true });
    } catch {
      // nothing was made there
    }
  }
}

/** Keeps the three newest templates (other branches may have other migrations) and drops abandoned halves. */
function tidy(cacheDir: string): void {
  const entries = readdirSync(cacheDir).map((name) => ({ name, mtime: statSync(join(cacheDir, name)).mtimeMs }));
  const stale = [
    ...entries.filter((e) => e.name.endsWith('.tmp') && Date.now() - e.mtime > 10 * 60_000),
    ...entries
      .filter((e) => !e.name.endsWith('.tmp'))
      .sort((a, b) => b.mtime - a.mtime)
      .slice(3),
  ];
  for (const e of stale) rmSync(join(cacheDir, e.name), { recursive: true, force: true });
}

function isEmpty(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}
