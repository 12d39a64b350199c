import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { UuidParam } from '../common/params';
import { CreateQuestionDto, UpdateQuestionDto } from './dto/question.dto';
import { QuestionsService } from './questions.service';
import type { QuestionView } from './survey.view';

@ApiTags('surveys')
@Controller('survey-questions')
export class QuestionsController {
  constructor(private readonly questions: QuestionsService) {}

  @Get()
  list(@CurrentActor() actor: Actor): Promise<QuestionView[]> {
    return this.questions.list(actor);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateQuestionDto): Promise<QuestionView> {
    return this.questions.create(actor, dto);
  }

  @Get(':questionId')
  get(@CurrentActor() actor: Actor, @UuidParam('questionId') id: string): Promise<QuestionView> {
    return this.questions.get(actor, id);
  }

  @Put(':questionId')
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('questionId') id: string,
    @Body() dto: UpdateQuestionDto,
  ): Promise<QuestionView> {
    return this.questions.update(actor, id, dto);
  }
}
