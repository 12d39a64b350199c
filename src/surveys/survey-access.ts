import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, isAdmin } from '../auth/actor';
import { forbidden, invalid, notFound } from '../common/errors';
import { EventAccess } from '../events/event-access';
import { AgendaEvent } from '../events/event.entity';
import { GroupsPolicy } from '../groups/groups.policy';
import { Survey, SurveyWave } from './survey.entity';

export interface WaveContext {
  wave: SurveyWave;
  survey: Survey;
  /** The event the wave asks about: the wave's own, else the survey's. */
  event: AgendaEvent | null;
}

/**
 * Who may see and manage surveys, answered through THE group policy (and the event rule,
 * which itself uses it). Managers: admins, and the facilitators of the survey's group.
 * A survey is seen by its managers and by whoever can see what it is about: its event,
 * its group, or (standalone without a group) everyone signed in.
 */
@Injectable()
export class SurveyAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: GroupsPolicy,
    private readonly events: EventAccess,
  ) {}

  async canManage(actor: Actor, survey: Pick<Survey, 'groupId'>): Promise<boolean> {
    if (isAdmin(actor)) return true;
    return survey.groupId !== null && this.policy.can(actor, survey.groupId, 'manage');
  }

  async canSee(actor: Actor, survey: Survey, event: AgendaEvent | null): Promise<boolean> {
    if (await this.canManage(actor, survey)) return true;
    if (event) return this.events.canSee(actor, event);
    return survey.groupId === null || this.policy.can(actor, survey.groupId, 'read');
  }

  async requireSurvey(actor: Actor, surveyId: string, action: 'read' | 'manage'): Promise<Survey> {
    const survey = await this.dataSource.manager.findOneBy(Survey, { id: surveyId });
    const event = survey?.eventId ? await this.dataSource.manager.findOneBy(AgendaEvent, { id: survey.eventId }) : null;
    if (!survey || !(await this.canSee(actor, survey, event))) throw notFound('Survey');
    if (action === 'manage' && !(await this.canManage(actor, survey))) throw this.denied();
    return survey;
  }

  async requireWave(actor: Actor, waveId: string, action: 'read' | 'manage'): Promise<WaveContext> {
    const m = this.dataSource.manager;
    const wave = await m.findOneBy(SurveyWave, { id: waveId });
    const survey = wave ? await m.findOneBy(Survey, { id: wave.surveyId }) : null;
    if (!wave || !survey) throw notFound('Survey wave');
    const eventId = wave.eventId ?? survey.eventId;
    const event = eventId ? await m.findOneBy(AgendaEvent, { id: eventId }) : null;
    if (!(await this.canSee(actor, survey, event))) throw notFound('Survey wave');
    if (action === 'manage' && !(await this.canManage(actor, survey))) throw this.denied();
    return { wave, survey, event };
  }

  /**
   * May the actor make a survey of this group (create it there)? Its managers may; without a
   * group, admins. A group the actor cannot see is a bad reference in the body (400).
   */
  async requirePlaceSurvey(actor: Actor, groupId: string | null): Promise<void> {
    if (groupId === null) {
      if (!isAdmin(actor)) throw forbidden('Only admins create surveys without a working group');
      return;
    }
    if (await this.policy.can(actor, groupId, 'manage')) return;
    if (!(await this.policy.can(actor, groupId, 'read'))) throw invalid('groupId', 'no such working group');
    throw forbidden("Only admins and the group's facilitators create its surveys");
  }

  /** May author bank questions: admins and anyone who manages a group. */
  async canAuthorQuestions(actor: Actor): Promise<boolean> {
    const groups = await this.policy.managedGroupIds(actor);
    return groups === null || groups.length > 0;
  }

  /** A bank question is reworded by admins and its author. */
  canEditQuestion(actor: Actor, question: { createdById: string | null }): boolean {
    return isAdmin(actor) || question.createdById === actor.id;
  }

  /** Group ids whose surveys the actor manages (null = all, for admins). */
  managedGroupIds(actor: Actor): Promise<string[] | null> {
    return this.policy.managedGroupIds(actor);
  }

  private denied() {
    return forbidden("Only admins and the survey group's facilitators manage surveys and read results");
  }
}
