import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/events.module';
import { GroupsModule } from '../groups/groups.module';
import { InviteesService } from './invitees';
import { SurveyQuestion, SurveyQuestionVersion } from './question.entity';
import { QuestionsController } from './questions.controller';
import { QuestionsService } from './questions.service';
import { SurveyAnswer, SurveyRespondent, SurveyResponse } from './response.entity';
import { ResponsesService } from './responses.service';
import { ResultsService } from './results.service';
import { SurveyAccess } from './survey-access';
import { SurveyReader } from './survey-reader';
import { Survey, SurveyItem, SurveyWave } from './survey.entity';
import { SurveysController } from './surveys.controller';
import { SurveysService } from './surveys.service';
import { WavesController } from './waves.controller';

/** The question bank, surveys in waves, responses and results. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      SurveyQuestion,
      SurveyQuestionVersion,
      Survey,
      SurveyItem,
      SurveyWave,
      SurveyRespondent,
      SurveyResponse,
      SurveyAnswer,
    ]),
    GroupsModule,
    EventsModule,
  ],
  controllers: [QuestionsController, SurveysController, WavesController],
  providers: [
    SurveyAccess,
    SurveyReader,
    InviteesService,
    QuestionsService,
    SurveysService,
    ResponsesService,
    ResultsService,
  ],
})
export class SurveysModule {}
