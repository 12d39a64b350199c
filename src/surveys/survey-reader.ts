import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { EventAccess } from '../events/event-access';
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
  event_group_id: string | null;
}

/**
 * Who reads the items: `respond` (the wave's respondents) or `manage` (the survey's managers,
 * building it and reading results).
 */
export type ItemAudience = 'respond' | 'manage';

export const eventRef = (e: AgendaEvent | null): EventRef | null =>
  e ? { id: e.id, title: e.title, kind: e.kind, startsAt: e.startsAt.toISOString() } : null;

/**
 * Reads surveys' items (with their questions' current wording) and waves, as the actor may see
 * them: every event a survey view embeds passes the same rule as the event itself (EventAccess),
 * so a private group's workshop never shows its id, title or time to someone outside the group.
 */
@Injectable()
export class SurveyReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventAccess,
  ) {}

  /**
   * The survey's items for this actor. An item about an event the actor may not see is, for
   * respondents, left out (its label names that event, and one cannot rate what one may not
   * see; an answer to it is then "not a question of this survey"); for managers it stays (the
   * survey and its answers are theirs to manage) with the event withheld (null).
   */
  async items(actor: Actor, surveyId: string, audience: ItemAudience): Promise<ItemView[]> {
    const rows = await this.rows(surveyId);
    const hidden = new Set<string>();
    for (const groupId of new Set(rows.map((r) => r.event_group_id).filter((g): g is string => g !== null))) {
      if (!(await this.events.canSee(actor, { groupId }))) hidden.add(groupId);
    }
    const seen = (r: ItemRow): boolean => r.event_group_id === null || !hidden.has(r.event_group_id);
    return rows
      .filter((r) => audience === 'manage' || seen(r))
      .map((r) => ({
        id: r.id,
        position: r.position,
        questionId: r.question_id,
        kind: r.kind,
        version: r.version,
        versionId: r.version_id,
        prompt: r.prompt,
        options: r.options,
        label: r.label,
        event:
          r.event_id && seen(r)
            ? {
                id: r.event_id,
                title: r.event_title!,
                kind: r.event_kind!,
                startsAt: new Date(r.event_starts_at!).toISOString(),
              }
            : null,
      }));
  }

  /** The event a view names (a survey's or a wave's), or null when the actor may not see it. */
  async visibleEvent(actor: Actor, event: AgendaEvent | null): Promise<AgendaEvent | null> {
    return event && (await this.events.canSee(actor, event)) ? event : null;
  }

  private rows(surveyId: string): Promise<ItemRow[]> {
    return this.dataSource.query<ItemRow[]>(
      `SELECT i.id, i.position, i.question_id, q.kind, v.version, v.id AS version_id, v.prompt, v.options, i.label,
              e.id AS event_id, e.title AS event_title, e.kind AS event_kind, e.starts_at AS event_starts_at,
              e.group_id AS event_group_id
       FROM survey_items i
       JOIN survey_questions q ON q.id = i.question_id
       JOIN survey_question_versions v ON v.question_id = q.id AND v.version = q.current_version
       LEFT JOIN events e ON e.id = i.event_id
       WHERE i.survey_id = $1 ORDER BY i.position`,
      [surveyId],
    );
  }

  /** A wave as the actor sees it: its event only when they may see that event. */
  async waveSummary(actor: Actor, wave: SurveyWave, event: AgendaEvent | null): Promise<WaveSummary> {
    const seen = await this.visibleEvent(actor, event);
    return {
      id: wave.id,
      surveyId: wave.surveyId,
      label: wave.label,
      status: wave.status,
      anonymous: wave.anonymous,
      event: eventRef(seen),
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
