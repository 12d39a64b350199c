import type { AppConfig } from '../config/config';

/**
 * - `embedded`: PGlite in this process. One session, so one statement at a time, and one
 *   process per data directory (it is locked), so nothing needs to travel between processes.
 * - `server`: a PostgreSQL server at DATABASE_URL, reached through a pool by any number of
 *   processes.
 */
export type DatabaseMode = 'embedded' | 'server';

/**
 * The one answer to "which database is this?". Code outside src/database asks here and never
 * looks at DATABASE_URL or the PGlite handle itself (lint enforces it), so a third mode, or a
 * change in how one is chosen, is made in one place.
 */
export function databaseMode(config: Pick<AppConfig, 'databaseUrl'>): DatabaseMode {
  return config.databaseUrl === null ? 'embedded' : 'server';
}

/** Where the database is, for a start-up error: the server's URL without its password, or the data directory. */
export function describeDatabase(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>): string {
  return config.databaseUrl === null
    ? `the embedded database in ${config.dataDir}`
    : config.databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
