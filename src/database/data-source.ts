import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';
import { AppConfig } from '../config/config';
import { ClusterTemplate, openCluster } from './cluster-template';
import { DataDirLock } from './data-dir-lock';
import { databaseMode } from './mode';
import { SnakeNamingStrategy } from './naming';

/**
 * A DataSource that also closes what it owns (the embedded PGlite instance and the data
 * directory lock) once TypeORM has closed its pool, so shutdown order cannot go wrong.
 */
export class AuzolanDataSource extends DataSource {
  private readonly cleanups: Array<() => Promise<void> | void> = [];
  /** The in-process PGlite instance in embedded mode (only `database/` may touch it). */
  pglite: PGlite | null = null;
  /** The server URL in server mode. */
  serverUrl: string | null = null;

  onDestroy(cleanup: () => Promise<void> | void): void {
    this.cleanups.push(cleanup);
  }

  override async destroy(): Promise<void> {
    if (this.isInitialized) await super.destroy();
    for (const cleanup of this.cleanups.splice(0).reverse()) await cleanup();
  }
}

const ROOT = join(__dirname, '..', '..');
export const EXTENSIONS = { pg_trgm, unaccent };

export function baseOptions(): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    entities: [join(ROOT, 'src', '**', '*.entity.js')],
    migrations: [join(ROOT, 'migrations', '*.js')],
    migrationsTableName: 'migrations',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: ['error', 'warn', 'migration'],
  };
}

/**
 * Opens the database of the mode `databaseMode` names. Embedded mode runs PGlite in-process
 * and reaches it through its own node-postgres adapter, so TypeORM's ordinary `postgres`
 * driver, entities and migrations are identical in both modes.
 */
export async function createDataSource(config: AppConfig): Promise<AuzolanDataSource> {
  if (databaseMode(config) === 'server') {
    const dataSource = new AuzolanDataSource({
      ...baseOptions(),
      url: config.databaseUrl!,
      poolSize: config.databasePoolSize,
      connectTimeoutMS: 5000,
    });
    dataSource.serverUrl = config.databaseUrl;
    return dataSource;
  }
  const lock = DataDirLock.acquire(config.dataDir);
  try {
    const pglite = await openCluster(join(config.dataDir, 'pg'), { extensions: EXTENSIONS }, clusterTemplate());
    // PGlite has a single session: one connection, and every query is serialised.
    const dataSource = new AuzolanDataSource({ ...baseOptions(), poolSize: 1, extra: createPgConfig(pglite) });
    dataSource.pglite = pglite;
    dataSource.onDestroy(() => lock.release());
    dataSource.onDestroy(() => pglite.close());
    return dataSource;
  } catch (e) {
    lock.release();
    throw e;
  }
}

/**
 * New embedded data directories start from a migrated cluster that `npm run build` makes
 * (cluster-template.cli.ts) and keeps with the install, in node_modules/.cache/auzolan, named by
 * the PGlite version and the migrations' contents: a new or changed migration makes a new one.
 */
export function clusterTemplate(): ClusterTemplate {
  const migrations = join(ROOT, 'migrations');
  const digest = createHash('sha256');
  for (const file of readdirSync(migrations)
    .filter((f) => f.endsWith('.js'))
    .sort()) {
    digest.update(file).update(readFileSync(join(migrations, file)));
  }
  const pglitePackage = join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  const { version } = JSON.parse(readFileSync(pglitePackage, 'utf8')) as { version: string };
  return {
    cacheDir: join(ROOT, '..', 'node_modules', '.cache', 'auzolan'),
    key: `pglite-${version}-${digest.digest('hex').slice(0, 16)}`,
    prepare: async (pglite: PGlite) => {
      const migrator = new DataSource({
        ...baseOptions(),
        poolSize: 1,
        extra: createPgConfig(pglite),
        logging: ['error'],
      });
      await migrator.initialize();
      try {
        await migrator.runMigrations({ transaction: 'each' });
      } finally {
        await migrator.destroy();
      }
    },
  };
}

/** Connects and applies pending migrations; returns how many ran. */
export async function openDatabase(config: AppConfig): Promise<{ dataSource: AuzolanDataSource; migrated: number }> {
  const dataSource = await createDataSource(config);
  try {
    await dataSource.initialize();
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return { dataSource, migrated: ran.length };
  } catch (e) {
    await dataSource.destroy().catch(() => undefined);
    throw e;
  }
}
