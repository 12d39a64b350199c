import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Meilisearch } from 'meilisearch';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { TerminusModule } from '@nestjs/terminus';
import { GroupsModule } from '../groups/groups.module';
import { MeilisearchSearchEngine } from './meilisearch/meilisearch-search-engine';
import { PostgresSearchEngine } from './postgres/postgres-search-engine';
import { SearchRunner } from './search-runner';
import { SearchEngine } from './search-engine';
import { SearchSources } from './search-sources';
import { SearchController } from './search.controller';
import { SearchHealth } from './search.health';
import { SearchService } from './search.service';

/**
 * Search: the engine chosen from config (Meilisearch when MEILI_HOST is set, else Postgres),
 * the outbox worker, the API, and the registry features add their SearchSource to.
 * Global so features register sources without importing each other.
 */
@Global()
@Module({
  imports: [GroupsModule, TerminusModule],
  controllers: [SearchController],
  providers: [
    SearchSources,
    {
      provide: SearchEngine,
      inject: [AppConfig, getDataSourceToken()],
      useFactory: (config: AppConfig, dataSource: DataSource): SearchEngine =>
        config.meiliHost
          ? new MeilisearchSearchEngine(
              new Meilisearch({ host: config.meiliHost, apiKey: config.meiliApiKey ?? undefined }),
            )
          : new PostgresSearchEngine(dataSource),
    },
    SearchRunner,
    SearchService,
    SearchHealth,
  ],
  exports: [SearchSources, SearchEngine, SearchRunner, SearchHealth],
})
export class SearchModule {}
