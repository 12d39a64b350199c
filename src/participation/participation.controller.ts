import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { sendCsv } from '../common/csv-reply';
import { ParticipationCsvQuery, ParticipationQuery } from './dto/participation.dto';
import { participationCsv } from './participation-csv';
import { ParticipationService } from './participation.service';
import { Participation } from './participation.view';

@ApiTags('participation')
@Controller('participation')
export class ParticipationController {
  constructor(private readonly participation: ParticipationService) {}

  @Get()
  get(@CurrentActor() actor: Actor, @Query() query: ParticipationQuery): Promise<Participation> {
    return this.participation.compute(actor, query.from, query.to);
  }

  @Get('csv')
  async csv(
    @CurrentActor() actor: Actor,
    @Query() query: ParticipationCsvQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const figures = await this.participation.compute(actor, query.from, query.to);
    const name = `participation-${query.table}-${figures.period.from}-${figures.period.to}.csv`;
    await sendCsv(reply, name, participationCsv(figures, query.table));
  }
}
