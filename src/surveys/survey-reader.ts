import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgendaEvent } from '../events/event.entity';
import { QuestionKind } from './rules';
import { SurveyWave } from './survey.entity';
import { EventRef, ItemView, WaveSummary } from './survey.view';

interface ItemRow {
  id: string;
  position: number;
  question_id: string;
  kind: QuestionKind;
  version: number;
  version_id: string;
  prompt: string;
  options: string[];
  label: string | null;
  event_id: string | null;
  event_title: string | null;
  event_kind: string | null;
  event_starts_at: Date | null;
}

export const eventRef = (e: AgendaEvent | null): EventRef | null =>
  e ? { id: e.id, title: e.title, kind: e.kind, startsAt: e.startsAt.toISOString() } : null;

/** Reads surveys' items (with their questions' current wording) and waves. */
@Injectable()
export class SurveyReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async items(surveyId: string): Promise<ItemView[]> {
    const rows = await this.dataSource.query<ItemRow[]>(
      `SELECT i.id, i.position, i.question_id, q.kind, v.version, v.id AS version_id, v.prompt, v.options, i.label,
              e.id AS event_id, e.title AS event_title, e.kind AS event_kind, e.starts_at AS event_starts_at
       FROM survey_items i
       JOIN survey_questions q ON q.id = i.question_id
       JOIN survey_question_versions v ON v.question_id = q.id AND v.version = q.current_version
       LEFT JOIN events e ON e.id = i.event_id
       WHERE i.survey_id = $1 ORDER BY i.position`,
      [surveyId],
    );
    return rows.map((r) => ({
      id: r.id,
      position: r.position,
      questionId: r.question_id,
      kind: r.kind,
      version: r.version,
      versionId: r.version_id,
      prompt: r.prompt,
      options: r.options,
      label: r.label,
      event: r.event_id
        ? {
            id: r.event_id,
            title: r.event_title!,
            kind: r.event_kind!,
            startsAt: new Date(r.event_starts_at!).toISOString(),
          }
        : null,
    }));
  }

  waveSummary(wave: SurveyWave, event: AgendaEvent | null): WaveSummary {
    return {
      id: wave.id,
      surveyId: wave.surveyId,
      label: wave.label,
      status: wave.status,
      anonymous: wave.anonymous,
      event: eventRef(event),
      openedAt: wave.openedAt.toISOString(),
      closedAt: wave.closedAt?.toISOString() ?? null,
    };
  }

  async respondents(waveId: string): Promise<number> {
    const rows = await this.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM survey_respondents WHERE wave_id = $1`,
      [waveId],
    );
    return rows[0].n;
  }
}
