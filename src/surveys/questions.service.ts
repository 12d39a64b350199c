import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { AppError, forbidden, notFound } from '../common/errors';
import { CreateQuestionDto, UpdateQuestionDto } from './dto/question.dto';
import { SurveyQuestion, SurveyQuestionVersion } from './question.entity';
import { SurveyAnswer } from './response.entity';
import { checkOptions, QuestionKind } from './rules';
import { SurveyAccess } from './survey-access';
import type { QuestionVersionView, QuestionView } from './survey.view';

/** The reusable question bank, for admins and facilitators. */
@Injectable()
export class QuestionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: SurveyAccess,
  ) {}

  async list(actor: Actor): Promise<QuestionView[]> {
    await this.requireAuthor(actor);
    const rows = await this.dataSource.manager
      .createQueryBuilder(SurveyQuestion, 'q')
      .innerJoin(SurveyQuestionVersion, 'v', 'v.question_id = q.id AND v.version = q.current_version')
      .select(['q.id AS id', 'q.kind AS kind', 'v.version AS version', 'v.id AS "versionId"'])
      .addSelect(['v.prompt AS prompt', 'v.options AS options'])
      .orderBy('v.prompt', 'ASC')
      .getRawMany<QuestionView>();
    return rows;
  }

  async get(actor: Actor, id: string): Promise<QuestionView> {
    await this.requireAuthor(actor);
    return this.view(this.dataSource.manager, id, true);
  }

  async create(actor: Actor, dto: CreateQuestionDto): Promise<QuestionView> {
    await this.requireAuthor(actor);
    this.checkOptions(dto.kind, dto.options);
    const id = await this.dataSource.transaction(async (m) => {
      const q = await m.save(m.create(SurveyQuestion, { kind: dto.kind, currentVersion: 1, createdById: actor.id }));
      await m.insert(SurveyQuestionVersion, {
        questionId: q.id,
        version: 1,
        prompt: dto.prompt,
        options: dto.options ?? [],
      });
      return q.id;
    });
    return this.view(this.dataSource.manager, id, true);
  }

  /**
   * Rewords a question. When its current wording already has answers, the new wording
   * becomes a new version and the answers keep pointing at the old one.
   */
  async update(actor: Actor, id: string, dto: UpdateQuestionDto): Promise<QuestionView> {
    await this.requireAuthor(actor);
    await this.dataSource.transaction(async (m) => {
      const q = await m.findOne(SurveyQuestion, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!q) throw notFound('Question');
      if (!this.access.canEditQuestion(actor, q)) throw forbidden('Only admins and its author edit a question');
      this.checkOptions(q.kind, dto.options);
      const current = await m.findOneByOrFail(SurveyQuestionVersion, { questionId: id, version: q.currentVersion });
      const answered = await m.existsBy(SurveyAnswer, { questionVersionId: current.id });
      if (!answered) {
        await m.update(SurveyQuestionVersion, { id: current.id }, { prompt: dto.prompt, options: dto.options ?? [] });
        return;
      }
      const version = q.currentVersion + 1;
      await m.insert(SurveyQuestionVersion, {
        questionId: id,
        version,
        prompt: dto.prompt,
        options: dto.options ?? [],
      });
      await m.update(SurveyQuestion, { id }, { currentVersion: version });
    });
    return this.view(this.dataSource.manager, id, true);
  }

  async view(m: EntityManager, id: string, withVersions: boolean): Promise<QuestionView> {
    const q = await m.findOneBy(SurveyQuestion, { id });
    if (!q) throw notFound('Question');
    const versions = await m.query<QuestionVersionView[]>(
      `SELECT v.id, v.version, v.prompt, v.options,
              (SELECT count(*)::int FROM survey_answers a WHERE a.question_version_id = v.id) AS answers
       FROM survey_question_versions v WHERE v.question_id = $1 ORDER BY v.version`,
      [id],
    );
    const current = versions.find((v) => v.version === q.currentVersion)!;
    return {
      id: q.id,
      kind: q.kind,
      version: current.version,
      versionId: current.id,
      prompt: current.prompt,
      options: current.options,
      ...(withVersions && { versions }),
    };
  }

  private async requireAuthor(actor: Actor): Promise<void> {
    if (!(await this.access.canAuthorQuestions(actor))) {
      throw forbidden('Only admins and facilitators use the question bank');
    }
  }

  private checkOptions(kind: QuestionKind, options: string[] | undefined): void {
    const errors = checkOptions(kind, options);
    if (errors.length) {
      throw new AppError('validation_failed', errors.map((e) => `${e.field}: ${e.reason}`).join('; '), errors);
    }
  }
}
