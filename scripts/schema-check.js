// Fails when the entities describe a schema the migrations do not create (a forgotten
// migration). Runs every migration on a throw-away embedded database, then asks TypeORM
// what it would still generate.
const { execFileSync } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const dataDir = mkdtempSync(join(tmpdir(), 'auzolan-schema-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
const typeorm = (...args) =>
  execFileSync('npx', ['typeorm', ...args, '-d', 'dist/src/database/data-source.cli.js'], {
    env,
    stdio: 'pipe',
  }).toString();
try {
  typeorm('migration:run');
  typeorm('migration:generate', '--check', '--dryrun', 'migrations/drift');
  console.log('schema check: migrations match the entities');
} catch (e) {
  process.stderr.write(String(e.stdout ?? '') + String(e.stderr ?? ''));
  console.error(
    'schema check: the entities and migrations differ; run `npm run migration:generate -- migrations/<name>`',
  );
  process.exitCode = 1;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
