import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppProcess } from './support/app-process';
import { TEMPLATE_DIR } from './support/test-database';

/**
 * Embedded mode: migrate one template database by starting the real server on it once.
 * Each suite then copies it instead of creating a PGlite directory from scratch.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  if (!existsSync(join(__dirname, '..', 'dist', 'src', 'main.js'))) {
    throw new Error('Build the server first: npm run build:server (npm test does this for you)');
  }
  rmSync(TEMPLATE_DIR, { recursive: true, force: true });
  const app = await AppProcess.start({ DATA_DIR: TEMPLATE_DIR });
  await app.stop();
}
