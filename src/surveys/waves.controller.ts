import { Body, Controller, Get, Headers, Patch, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { sendCsv } from '../common/csv-reply';
import { UuidParam } from '../common/params';
import { SubmitResponseDto } from './dto/response.dto';
import { ResultsCsvQuery } from './dto/results.dto';
import { UpdateWaveDto } from './dto/survey.dto';
import { ResponsesService } from './responses.service';
import { resultsCsv } from './results-csv';
import { ResultsService } from './results.service';
import { WaveResults } from './results.view';
import { SurveysService } from './surveys.service';
import type { MyResponse, WaveSummary, WaveView } from './survey.view';

/** Taking a survey wave, managing it, and reading its results. */
@ApiTags('surveys')
@Controller('waves')
export class WavesController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly responses: ResponsesService,
    private readonly results: ResultsService,
  ) {}

  /** Open waves the caller is invited to answer. */
  @Get('open')
  open(@CurrentActor() actor: Actor): Promise<WaveView[]> {
    return this.responses.open(actor);
  }

  @Get(':waveId')
  get(@CurrentActor() actor: Actor, @UuidParam('waveId') id: string): Promise<WaveView> {
    return this.responses.wave(actor, id);
  }

  @Patch(':waveId')
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('waveId') id: string,
    @Body() dto: UpdateWaveDto,
  ): Promise<WaveSummary> {
    return this.surveys.updateWave(actor, id, dto);
  }

  /** The caller's own response; for anonymous waves send the edit token in `X-Edit-Token` to see the answers. */
  @Get(':waveId/response')
  mine(
    @CurrentActor() actor: Actor,
    @UuidParam('waveId') id: string,
    @Headers('x-edit-token') editToken: string | undefined,
  ): Promise<MyResponse> {
    return this.responses.mine(actor, id, editToken);
  }

  @Put(':waveId/response')
  submit(
    @CurrentActor() actor: Actor,
    @UuidParam('waveId') id: string,
    @Body() dto: SubmitResponseDto,
  ): Promise<MyResponse> {
    return this.responses.submit(actor, id, dto);
  }

  @Get(':waveId/results')
  resultsOf(@CurrentActor() actor: Actor, @UuidParam('waveId') id: string): Promise<WaveResults> {
    return this.results.results(actor, id);
  }

  @Get(':waveId/results/csv')
  async csv(
    @CurrentActor() actor: Actor,
    @UuidParam('waveId') id: string,
    @Query() query: ResultsCsvQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const results = await this.results.results(actor, id);
    const name = `${results.wave.survey.title}-${results.wave.label}-${query.table}.csv`;
    await sendCsv(reply, name, resultsCsv(results, query.table));
  }
}
