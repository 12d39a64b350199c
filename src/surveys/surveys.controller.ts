import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { UuidParam } from '../common/params';
import { CreateSurveyDto, CreateWaveDto, SurveyItemsDto, UpdateSurveyDto } from './dto/survey.dto';
import { SurveysService } from './surveys.service';
import { SurveyView, WaveSummary } from './survey.view';

/** Building surveys (admins, and facilitators for their group). */
@ApiTags('surveys')
@Controller('surveys')
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Get()
  list(@CurrentActor() actor: Actor): Promise<SurveyView[]> {
    return this.surveys.list(actor);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateSurveyDto): Promise<SurveyView> {
    return this.surveys.create(actor, dto);
  }

  @Get(':surveyId')
  get(@CurrentActor() actor: Actor, @UuidParam('surveyId') id: string): Promise<SurveyView> {
    return this.surveys.get(actor, id);
  }

  @Patch(':surveyId')
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('surveyId') id: string,
    @Body() dto: UpdateSurveyDto,
  ): Promise<SurveyView> {
    return this.surveys.update(actor, id, dto);
  }

  @Delete(':surveyId')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @UuidParam('surveyId') id: string): Promise<void> {
    return this.surveys.remove(actor, id);
  }

  @Put(':surveyId/items')
  setItems(
    @CurrentActor() actor: Actor,
    @UuidParam('surveyId') id: string,
    @Body() dto: SurveyItemsDto,
  ): Promise<SurveyView> {
    return this.surveys.setItems(actor, id, dto.items);
  }

  @Post(':surveyId/waves')
  createWave(
    @CurrentActor() actor: Actor,
    @UuidParam('surveyId') id: string,
    @Body() dto: CreateWaveDto,
  ): Promise<WaveSummary> {
    return this.surveys.createWave(actor, id, dto);
  }
}
