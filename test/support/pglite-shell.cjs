// Opens an embedded (PGlite) data directory and answers queries, one JSON line in, one out.
// Runs as a plain Node process because Jest cannot load PGlite's extensions (dynamic import).
const { createInterface } = require('node:readline');
const { join } = require('node:path');
const { PGlite } = require('@electric-sql/pglite');
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm');
const { unaccent } = require('@electric-sql/pglite/contrib/unaccent');

async function main() {
  const pg = await PGlite.create(join(process.argv[2], 'pg'), { extensions: { pg_trgm, unaccent } });
  process.stdout.write(JSON.stringify({ ready: true }) + '\n');
  for await (const line of createInterface({ input: process.stdin })) {
    const { sql, params } = JSON.parse(line);
    try {
      const result = await pg.query(sql, params ?? []);
      process.stdout.write(JSON.stringify({ rows: result.rows }) + '\n');
    } catch (e) {
      process.stdout.write(JSON.stringify({ error: String(e && e.message) }) + '\n');
    }
  }
  await pg.close();
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack) + '\n');
  process.exit(1);
});
