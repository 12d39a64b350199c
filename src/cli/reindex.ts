// `npm run reindex`: rebuilds the search index from the source tables, online (the app may
// keep serving on a database server; in embedded mode stop it first, or call
// POST /api/search/reindex as an admin). Idempotent: run it as often as you like.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { ConfigError, loadConfig } from '../config/config';
import { openDatabase } from '../database/data-source';
import { reindex, ReindexProgress } from '../search/reindexer';
import { SearchEngine } from '../search/search-engine';
import { SearchSources } from '../search/search-sources';

function line(p: ReindexProgress): string {
  const left = p.secondsLeft === null ? '?' : `${p.secondsLeft}s`;
  return `reindex: ${p.done.toLocaleString('en')} / ${p.total.toLocaleString('en')}  ${p.perSecond.toLocaleString('en')}/s  ~${left} left`;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const { dataSource } = await openDatabase(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, dataSource), { logger: ['error'] });
  app.enableShutdownHooks();
  const engine = app.get(SearchEngine);
  let lastPrint = 0;
  const final = await reindex(engine, app.get(SearchSources), (p) => {
    if (p.finished || Date.now() - lastPrint > 1000) {
      lastPrint = Date.now();
      process.stdout.write(process.stdout.isTTY ? `\r${line(p)}   ` : `${line(p)}\n`);
    }
  });
  process.stdout.write(
    `${process.stdout.isTTY ? '\n' : ''}reindex: done, ${final.done} entries into the ${engine.name} engine\n`,
  );
  await app.close();
}

main().catch((e: Error) => {
  process.stderr.write(`auzolan reindex: ${e instanceof ConfigError ? 'configuration error: ' : ''}${e.message}\n`);
  process.exit(1);
});
