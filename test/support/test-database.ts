import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ROOT } from './app-process';

/**
 * A fresh, empty database for one test suite: a temporary PGlite directory by default,
 * or a new database on the server named by DATABASE_URL (dropped afterwards).
 */
export interface TestDatabase {
  env: Record<string, string>;
  mode: 'embedded' | 'server';
  drop(): Promise<void>;
}

/** Written by globalSetup: an embedded data directory with every migration applied. */
export const TEMPLATE_DIR = join(
  tmpdir(),
  `auzolan-test-template-${createHash('sha1').update(ROOT).digest('hex').slice(0, 8)}`, // one per checkout
);

/** `serverUrl` defaults to DATABASE_URL; pass `null` for an embedded database regardless. */
export async function createTestDatabase(
  serverUrl: string | null = process.env.DATABASE_URL ?? null,
): Promise<TestDatabase> {
  if (serverUrl) {
    const name = `auzolan_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      mode: 'server',
      env: { DATABASE_URL: url.toString() },
      drop: async () => {
        const c = new Client({ connectionString: serverUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'auzolan-test-'));
  // Copying a migrated template takes milliseconds; creating a PGlite directory takes seconds.
  if (existsSync(join(TEMPLATE_DIR, 'pg'))) cpSync(join(TEMPLATE_DIR, 'pg'), join(dataDir, 'pg'), { recursive: true });
  return {
    mode: 'embedded',
    env: { DATA_DIR: dataDir },
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
