import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { LIMITS } from './common/limits';
import { createPino, lazyRequestLogger, PinoNestLogger } from './common/logger';
import { AppConfig, ConfigError, loadConfig } from './config/config';
import { openDatabase } from './database/data-source';
import { databaseMode, describeDatabase } from './database/mode';
import { DataDirLockedError } from './database/data-dir-lock';
import { DEMO_PASSWORD } from './demo/data/world';
import { SeedService } from './demo/seed.service';
import { configureHttp } from './http';

/** Fatal start-up problems end the process with one line naming the cause, and no stack trace. */
function fail(message: string): never {
  process.stderr.write(`auzolan: ${message}\n`);
  process.exit(1);
}

async function bootstrap(config: AppConfig): Promise<void> {
  const started = performance.now();
  const pino = createPino(config.logLevel);
  const logger = new PinoNestLogger(pino);

  const { dataSource, migrated } = await openDatabase(config).catch((e: Error) => {
    if (e instanceof DataDirLockedError) fail(e.message);
    return fail(`cannot open ${describeDatabase(config)}: ${e.message}`);
  });
  pino.info({ migrated, mode: databaseMode(config) }, 'database ready');

  const adapter = new FastifyAdapter({
    loggerInstance: pino,
    bodyLimit: LIMITS.httpBodyBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    childLoggerFactory: lazyRequestLogger,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, dataSource), adapter, {
    logger,
    // Body parsing is configureHttp's: one JSON parser with a depth limit, no form bodies.
    bodyParser: false,
  });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await configureHttp(app, config);
  await app.init();

  const logins = await app.get(SeedService).run();
  await app.listen({ port: config.port, host: config.host });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;
  pino.info({ url, port, startupMs: Math.round(performance.now() - started) }, 'Auzolan is listening');

  // For people (and the test harness): printed whatever LOG_LEVEL is.
  const lines = [`\n  Auzolan is running at ${url}  (API docs: ${url}/api/docs)`];
  if (logins) {
    lines.push(`  Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const l of logins) lines.push(`    ${l.email.padEnd(24)} ${l.role}`);
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}

let config: AppConfig;
try {
  config = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) fail(`configuration error: ${e.message}`);
  throw e;
}
bootstrap(config).catch((e: Error) => fail(`failed to start: ${e.message}`));
