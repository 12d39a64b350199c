import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { AppError, conflict, invalid } from '../common/errors';
import { AgendaEvent } from '../events/event.entity';
import { Organisation } from '../organisations/organisation.entity';
import { SubmitResponseDto } from './dto/response.dto';
import { InviteesService } from './invitees';
import { SurveyAnswer, SurveyRespondent, SurveyResponse } from './response.entity';
import { AnswerValue, checkAnswers } from './rules';
import { SurveyAccess, WaveContext } from './survey-access';
import { SurveyReader } from './survey-reader';
import { Survey, SurveyWave } from './survey.entity';
import type { ItemView, MyResponse, WaveView } from './survey.view';

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Answering surveys: one response per person per wave, editable while the wave is open. */
@Injectable()
export class ResponsesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: SurveyAccess,
    private readonly reader: SurveyReader,
    private readonly invitees: InviteesService,
  ) {}

  /** The open waves the actor is invited to, with whether they already responded. */
  async open(actor: Actor): Promise<Array<WaveView>> {
    const waves = await this.dataSource.manager.find(SurveyWave, {
      where: { status: 'open' },
      order: { openedAt: 'DESC' },
    });
    const views: WaveView[] = [];
    for (const wave of waves) {
      const ctx = await this.context(wave);
      if (!(await this.invitees.of(ctx)).userIds.has(actor.id)) continue;
      if (!(await this.access.canSee(actor, ctx.survey, ctx.event))) continue;
      views.push(await this.view(actor, ctx));
    }
    return views;
  }

  async wave(actor: Actor, waveId: string): Promise<WaveView> {
    return this.view(actor, await this.access.requireWave(actor, waveId, 'read'));
  }

  async mine(actor: Actor, waveId: string, editToken: string | undefined): Promise<MyResponse> {
    const { wave } = await this.access.requireWave(actor, waveId, 'read');
    const m = this.dataSource.manager;
    const responded = await m.existsBy(SurveyRespondent, { waveId, userId: actor.id });
    let response: SurveyResponse | null = null;
    if (responded && !wave.anonymous) response = await m.findOneBy(SurveyResponse, { waveId, userId: actor.id });
    if (responded && wave.anonymous && editToken) {
      response = await m.findOneBy(SurveyResponse, { waveId, editTokenHash: hashToken(editToken) });
      if (!response) throw invalid('editToken', 'does not match a response of this wave');
    }
    return {
      waveId,
      anonymous: wave.anonymous,
      responded,
      answers: response ? await this.answers(m, response.id) : null,
    };
  }

  async submit(actor: Actor, waveId: string, dto: SubmitResponseDto): Promise<MyResponse> {
    const ctx = await this.access.requireWave(actor, waveId, 'read');
    const { wave } = ctx;
    if (wave.status !== 'open') throw invalid('waveId', 'this survey wave is closed');
    if (!(await this.invitees.of(ctx)).userIds.has(actor.id)) {
      throw invalid('waveId', 'you are not invited to this survey');
    }
    const items = await this.reader.items(actor, wave.surveyId, 'respond');
    const { errors, values } = checkAnswers(items, dto.answers);
    if (errors.length) {
      throw new AppError('validation_failed', errors.map((e) => `${e.field}: ${e.reason}`).join('; '), errors);
    }
    if (!wave.anonymous && dto.editToken !== undefined) {
      throw invalid('editToken', 'only anonymous waves use an edit token');
    }
    const org = actor.organisationId
      ? await this.dataSource.manager.findOneBy(Organisation, { id: actor.organisationId })
      : null;
    const profile = { organisationKind: org?.kind ?? null, organisationSector: org?.sector ?? null };
    return this.dataSource.transaction(async (m) => {
      const responded = await m.existsBy(SurveyRespondent, { waveId, userId: actor.id });
      let token: string | undefined;
      let responseId: string;
      if (!wave.anonymous) {
        const existing = await m.findOneBy(SurveyResponse, { waveId, userId: actor.id });
        const fields = { ...profile, organisationId: actor.organisationId, updatedAt: new Date() };
        if (existing) {
          await m.update(SurveyResponse, { id: existing.id }, fields);
          responseId = existing.id;
        } else {
          responseId = (await m.save(m.create(SurveyResponse, { waveId, userId: actor.id, ...fields }))).id;
        }
      } else if (responded) {
        if (!dto.editToken) {
          throw conflict('You have already responded; send the editToken of your response to change it', [
            { field: 'editToken', reason: 'required to edit an anonymous response' },
          ]);
        }
        const existing = await m.findOneBy(SurveyResponse, { waveId, editTokenHash: hashToken(dto.editToken) });
        if (!existing) throw invalid('editToken', 'does not match a response of this wave');
        // The profile is not refreshed: the response stays as anonymous as when it was given.
        responseId = existing.id;
        token = dto.editToken;
      } else {
        if (dto.editToken) throw invalid('editToken', 'you have not responded to this wave yet');
        token = randomBytes(24).toString('base64url');
        const saved = await m.save(
          m.create(SurveyResponse, {
            waveId,
            userId: null,
            organisationId: null,
            ...profile,
            editTokenHash: hashToken(token),
            updatedAt: null,
          }),
        );
        responseId = saved.id;
      }
      if (!responded) await m.insert(SurveyRespondent, { waveId, userId: actor.id });
      await m.delete(SurveyAnswer, { responseId });
      const versionOf = new Map(items.map((i) => [i.id, i.versionId]));
      await m.insert(
        SurveyAnswer,
        values.map((v) => ({
          responseId,
          itemId: v.itemId,
          questionVersionId: versionOf.get(v.itemId)!,
          rating: v.rating,
          choices: v.choices,
          text: v.text,
        })),
      );
      return {
        waveId,
        anonymous: wave.anonymous,
        responded: true,
        answers: values,
        ...(token !== undefined && { editToken: token }),
      };
    });
  }

  private async answers(m: EntityManager, responseId: string): Promise<AnswerValue[]> {
    const rows = await m.find(SurveyAnswer, { where: { responseId } });
    return rows.map((a) => ({ itemId: a.itemId, rating: a.rating, choices: a.choices, text: a.text }));
  }

  private async context(wave: SurveyWave): Promise<WaveContext> {
    const m = this.dataSource.manager;
    const survey = await m.findOneByOrFail(Survey, { id: wave.surveyId });
    const eventId = wave.eventId ?? survey.eventId;
    return { wave, survey, event: eventId ? await m.findOneBy(AgendaEvent, { id: eventId }) : null };
  }

  private async view(actor: Actor, ctx: WaveContext): Promise<WaveView> {
    const { wave, survey, event } = ctx;
    const items: ItemView[] = await this.reader.items(actor, survey.id, 'respond');
    return {
      ...(await this.reader.waveSummary(actor, wave, event)),
      survey: { id: survey.id, title: survey.title, description: survey.description },
      items,
      me: {
        invited: (await this.invitees.of(ctx)).userIds.has(actor.id),
        responded: await this.dataSource.manager.existsBy(SurveyRespondent, { waveId: wave.id, userId: actor.id }),
        canManage: await this.access.canManage(actor, survey),
      },
    };
  }
}
