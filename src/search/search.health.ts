import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { SearchRunner } from './search-runner';
import { SearchEngine } from './search-engine';

/** `/api/health` reports the engine and the outbox backlog (how far the index lags). */
@Injectable()
export class SearchHealth {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly engine: SearchEngine,
    private readonly runner: SearchRunner,
  ) {}

  async check(): Promise<HealthIndicatorResult<'search'>> {
    const session = this.indicators.check('search');
    const [engine, backlog] = await Promise.all([this.engine.health(), this.runner.backlog()]);
    const data = {
      engine: this.engine.name,
      detail: engine.detail,
      outboxPending: backlog.pending,
      outboxOldestSeconds: backlog.oldestSeconds,
    };
    return engine.ok ? session.up(data) : session.down(data);
  }
}
