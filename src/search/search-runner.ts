import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '../config/config';
import { AuzolanDataSource } from '../database/data-source';
import { databaseMode } from '../database/mode';
import { listen, Unlisten } from '../database/pg-listener';
import { OUTBOX_CHANNEL } from './outbox';
import { OutboxBacklog, OutboxWorker } from './outbox-worker';
import { SearchEngine } from './search-engine';

/** Starts the engine and the outbox worker with the app, and stops them with it. */
@Injectable()
export class SearchRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('search');
  readonly worker: OutboxWorker;
  private unlisten: Unlisten | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: AuzolanDataSource,
    private readonly engine: SearchEngine,
    config: AppConfig,
  ) {
    this.worker = new OutboxWorker(dataSource, engine, {
      exclusive: databaseMode(config) === 'embedded',
      log: (level, message, fields) => this.logger[level === 'info' ? 'log' : level]({ ...fields }, message),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    // An engine that is down at start must not stop the app: writes still succeed and the
    // worker retries until the engine is back.
    await this.engine.bootstrap().catch((e: Error) => this.logger.warn({ err: e.message }, 'search engine not ready'));
    this.unlisten = await listen(this.dataSource, OUTBOX_CHANNEL, () => this.worker.wake());
    this.worker.start();
  }

  /** Before the database closes (TypeORM closes in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.unlisten?.();
    await this.worker.stop();
  }

  backlog(): Promise<OutboxBacklog> {
    return this.worker.backlog();
  }
}
