import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/current-actor.decorator';
import { AppConfig } from '../config/config';
import { databaseMode } from '../database/mode';
import { SearchHealth } from '../search/search.health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly config: AppConfig,
    private readonly search: SearchHealth,
  ) {}

  /** 200 when every dependency answers, 503 with the same body shape when one does not. */
  @Public()
  @Get()
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult & { mode: string }> {
    const mode = databaseMode(this.config);
    try {
      return {
        mode,
        ...(await this.health.check([
          () => this.db.pingCheck('database', { timeout: 3000 }),
          () => this.search.check(),
        ])),
      };
    } catch (e) {
      reply.status(503);
      const response = (e as { getResponse?: () => HealthCheckResult }).getResponse?.();
      return { mode, ...(response ?? { status: 'error', info: {}, error: {}, details: {} }) };
    }
  }
}
