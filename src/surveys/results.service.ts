import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { AgendaEvent } from '../events/event.entity';
import { InviteesService } from './invitees';
import { AnswerRow, computeResults, delta } from './results-compute';
import { ComparisonRow, ItemFigure, TrendPoint, WaveResults } from './results.view';
import { MIN_CELL, rate, summarise } from './statistics';
import { SurveyAccess, WaveContext } from './survey-access';
import { SurveyReader } from './survey-reader';
import { SurveyWave } from './survey.entity';
import { ItemView } from './survey.view';

interface RawAnswer {
  item_id: string;
  version_id: string;
  version: number;
  prompt: string;
  options: string[];
  rating: number | null;
  choices: string[] | null;
  text: string | null;
  organisation_kind: string | null;
  organisation_sector: string | null;
  display_name: string | null;
  organisation_name: string | null;
}

/** Survey results for admins and the survey group's facilitators. */
@Injectable()
export class ResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: SurveyAccess,
    private readonly reader: SurveyReader,
    private readonly invitees: InviteesService,
  ) {}

  async results(actor: Actor, waveId: string): Promise<WaveResults> {
    const ctx = await this.access.requireWave(actor, waveId, 'manage');
    const items = await this.reader.items(actor, ctx.survey.id, 'manage');
    const invited = await this.invitees.of(ctx);
    const respondents = await this.reader.respondents(waveId);
    const rows = await this.answers(ctx.wave);
    const computed = computeResults(items, rows, invited.userIds.size, ctx.wave.anonymous);
    const trend = await this.trend(ctx, items);
    const index = trend.findIndex((t) => t.waveId === waveId);
    const previous = index > 0 ? trend[index - 1] : null;
    return {
      wave: {
        ...(await this.reader.waveSummary(actor, ctx.wave, ctx.event)),
        survey: { id: ctx.survey.id, title: ctx.survey.title },
      },
      basis: invited.basis,
      invited: invited.userIds.size,
      respondents,
      responseRate: rate(respondents, invited.userIds.size),
      ...computed,
      comparison: {
        previous: previous ? { waveId: previous.waveId, label: previous.label } : null,
        rows: trend[index].items.map((current): ComparisonRow => {
          const before = previous?.items.find((i) => i.itemId === current.itemId) ?? null;
          return {
            itemId: current.itemId,
            prompt: current.prompt,
            label: current.label,
            current,
            previous: before,
            deltaMean: delta(current.mean, before?.mean ?? null, 2),
            deltaShare45: delta(current.share45, before?.share45 ?? null, 4),
          };
        }),
      },
      trend,
    };
  }

  /** Every wave of the survey, oldest first, with per-item figures for trend charts. */
  private async trend(ctx: WaveContext, items: ItemView[]): Promise<TrendPoint[]> {
    const m = this.dataSource.manager;
    const waves = await m.find(SurveyWave, {
      where: { surveyId: ctx.survey.id },
      order: { openedAt: 'ASC', label: 'ASC' },
    });
    const points: TrendPoint[] = [];
    for (const wave of waves) {
      const eventId = wave.eventId ?? ctx.survey.eventId;
      const event = eventId ? await m.findOneBy(AgendaEvent, { id: eventId }) : null;
      const invited = (await this.invitees.of({ survey: ctx.survey, event })).userIds.size;
      const respondents = await this.reader.respondents(wave.id);
      const rows = await this.answers(wave);
      points.push({
        waveId: wave.id,
        label: wave.label,
        status: wave.status,
        anonymous: wave.anonymous,
        invited,
        respondents,
        responseRate: rate(respondents, invited),
        items: items.map((item): ItemFigure => {
          const answers = rows.filter((r) => r.itemId === item.id);
          const s = summarise(item.kind, answers[0]?.options ?? item.options, answers);
          const hidden = wave.anonymous && answers.length < MIN_CELL;
          return {
            itemId: item.id,
            questionId: item.questionId,
            prompt: answers[0]?.prompt ?? item.prompt,
            label: item.label,
            responses: answers.length,
            mean: hidden ? null : s.mean,
            share45: hidden ? null : s.share45,
            suppressed: hidden,
          };
        }),
      });
    }
    return points;
  }

  private async answers(wave: SurveyWave): Promise<AnswerRow[]> {
    // Names are read only for attributed waves; anonymous responses have none to read anyway.
    const names = wave.anonymous
      ? 'NULL::text AS display_name, NULL::text AS organisation_name'
      : 'u.display_name, o.name AS organisation_name';
    const joins = wave.anonymous
      ? ''
      : 'LEFT JOIN users u ON u.id = r.user_id LEFT JOIN organisations o ON o.id = r.organisation_id';
    const rows = await this.dataSource.query<RawAnswer[]>(
      `SELECT a.item_id, v.id AS version_id, v.version, v.prompt, v.options, a.rating, a.choices, a.text,
              r.organisation_kind, r.organisation_sector, ${names}
       FROM survey_answers a
       JOIN survey_responses r ON r.id = a.response_id
       JOIN survey_question_versions v ON v.id = a.question_version_id
       ${joins}
       WHERE r.wave_id = $1
       ORDER BY v.version DESC`,
      [wave.id],
    );
    return rows.map((r) => ({
      itemId: r.item_id,
      versionId: r.version_id,
      version: r.version,
      prompt: r.prompt,
      options: r.options,
      rating: r.rating,
      choices: r.choices,
      text: r.text,
      organisationKind: r.organisation_kind,
      organisationSector: r.organisation_sector,
      ...(r.display_name !== null && {
        respondent: { displayName: r.display_name, organisation: r.organisation_name },
      }),
    }));
  }
}
