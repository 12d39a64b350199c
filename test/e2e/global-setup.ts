import { existsSync } from 'node:fs';
import { join } from 'node:path';
import prepareTemplate from '../global-setup';
import { AppProcess } from '../support/app-process';
import { createTestDatabase } from '../support/test-database';
import { chromiumPath } from './support/browser';

const ROOT = join(__dirname, '..', '..');
const NIL = '00000000-0000-0000-0000-000000000000';

/**
 * Before the browser suite: Chromium is there, the server and the client are built, the
 * embedded template database is migrated, and we know which APIs this build has (flows whose
 * API is not built yet are skipped with a message, not failed).
 */
export default async function globalSetup(): Promise<void> {
  const chromium = chromiumPath();
  if (!existsSync(chromium)) {
    throw new Error(
      `Chromium not found at ${chromium}. The browser suite needs Debian's Chromium: ` +
        'run `apt-get install -y chromium` (as root), or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  if (!existsSync(join(ROOT, 'dist', 'src', 'main.js')) || !existsSync(join(ROOT, 'client', 'dist', 'index.html'))) {
    throw new Error('Build the app first: `npm run build` (server and client).');
  }
  await prepareTemplate();

  // Unknown /api routes answer 404; known ones answer 401 without a session.
  const db = await createTestDatabase();
  const app = await AppProcess.start({ ...db.env });
  try {
    const probe = async (path: string) => (await fetch(app.url + path)).status !== 404;
    process.env.E2E_API_CHANNELS = (await probe(`/api/groups/${NIL}/channels`)) ? '1' : '';
    process.env.E2E_API_DOCUMENTS = (await probe(`/api/groups/${NIL}/documents`)) ? '1' : '';
    process.env.E2E_API_SEARCH = (await probe('/api/search?q=x')) ? '1' : '';
  } finally {
    await app.stop();
    await db.drop();
  }
  const missing = [
    ['channels', process.env.E2E_API_CHANNELS],
    ['documents', process.env.E2E_API_DOCUMENTS],
    ['search', process.env.E2E_API_SEARCH],
  ].filter(([, v]) => !v);
  if (missing.length) {
    process.stdout.write(
      `\ne2e: this build has no ${missing.map(([n]) => n).join(', ')} API yet; those flows are skipped.\n`,
    );
  }
}
