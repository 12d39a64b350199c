import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor } from '../auth/actor';
import { AppError, conflict, invalid } from '../common/errors';
import { EventAccess } from '../events/event-access';
import { AgendaEvent } from '../events/event.entity';
import { CreateSurveyDto, CreateWaveDto, SurveyItemDto, UpdateSurveyDto, UpdateWaveDto } from './dto/survey.dto';
import { InviteesService } from './invitees';
import { SurveyQuestion } from './question.entity';
import { SurveyAnswer, SurveyResponse } from './response.entity';
import { SurveyAccess } from './survey-access';
import { eventRef, SurveyReader } from './survey-reader';
import { Survey, SurveyItem, SurveyWave } from './survey.entity';
import { SurveyView, WaveSummary } from './survey.view';

interface ItemEvents {
  visible: Set<string>;
  /** Kept item id → the event it is about, which the actor may not see. */
  withheld: Map<string, string>;
}

/** Building surveys from the bank and running them in waves. */
@Injectable()
export class SurveysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: SurveyAccess,
    private readonly events: EventAccess,
    private readonly reader: SurveyReader,
    private readonly invitees: InviteesService,
  ) {}

  /** The surveys the actor manages. */
  async list(actor: Actor): Promise<SurveyView[]> {
    const groups = await this.access.managedGroupIds(actor);
    if (groups !== null && !groups.length) return [];
    const surveys = await this.dataSource.manager.find(Survey, {
      where: groups === null ? {} : { groupId: In(groups) },
      order: { createdAt: 'DESC' },
    });
    return Promise.all(surveys.map((s) => this.view(actor, s)));
  }

  async get(actor: Actor, id: string): Promise<SurveyView> {
    return this.view(actor, await this.access.requireSurvey(actor, id, 'manage'));
  }

  async create(actor: Actor, dto: CreateSurveyDto): Promise<SurveyView> {
    let groupId = dto.groupId ?? null;
    let eventId: string | null = null;
    if (dto.eventId) {
      const event = await this.visibleEvent(actor, dto.eventId, 'eventId');
      if (dto.groupId && dto.groupId !== event.groupId) {
        throw invalid('groupId', "a survey about an event belongs to the event's group");
      }
      groupId = event.groupId;
      eventId = event.id;
    }
    await this.access.requirePlaceSurvey(actor, groupId);
    const events = await this.itemEvents(actor, null, dto.items);
    const id = await this.dataSource.transaction(async (m) => {
      const survey = await m.save(
        m.create(Survey, {
          title: dto.title,
          description: dto.description ?? '',
          eventId,
          groupId,
          createdById: actor.id,
        }),
      );
      await this.replaceItems(m, survey.id, dto.items, events);
      return survey.id;
    });
    return this.view(actor, await this.dataSource.manager.findOneByOrFail(Survey, { id }));
  }

  async update(actor: Actor, id: string, dto: UpdateSurveyDto): Promise<SurveyView> {
    const survey = await this.access.requireSurvey(actor, id, 'manage');
    await this.dataSource.manager.update(Survey, { id }, { ...dto });
    return this.view(actor, { ...survey, ...dto });
  }

  async setItems(actor: Actor, id: string, items: SurveyItemDto[]): Promise<SurveyView> {
    const survey = await this.access.requireSurvey(actor, id, 'manage');
    const events = await this.itemEvents(actor, id, items);
    await this.dataSource.transaction((m) => this.replaceItems(m, id, items, events));
    return this.view(actor, survey);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.access.requireSurvey(actor, id, 'manage');
    await this.dataSource.transaction(async (m) => {
      const waves = await m.findBy(SurveyWave, { surveyId: id });
      // Answers restrict deleting their items; the survey goes with everything it holds.
      if (waves.length) await m.delete(SurveyResponse, { waveId: In(waves.map((w) => w.id)) });
      await m.delete(Survey, { id });
    });
  }

  async createWave(actor: Actor, surveyId: string, dto: CreateWaveDto): Promise<WaveSummary> {
    await this.access.requireSurvey(actor, surveyId, 'manage');
    const event = dto.eventId ? await this.visibleEvent(actor, dto.eventId, 'eventId') : null;
    if (await this.dataSource.manager.existsBy(SurveyWave, { surveyId, label: dto.label })) {
      throw conflict(`This survey already has a wave "${dto.label}"`, [{ field: 'label', reason: 'already used' }]);
    }
    const wave = await this.dataSource.manager.save(
      this.dataSource.manager.create(SurveyWave, {
        surveyId,
        label: dto.label,
        anonymous: dto.anonymous,
        status: 'open',
        eventId: event?.id ?? null,
        openedAt: new Date(),
        closedAt: null,
      }),
    );
    const ctx = await this.access.requireWave(actor, wave.id, 'manage');
    return this.reader.waveSummary(actor, wave, ctx.event);
  }

  async updateWave(actor: Actor, waveId: string, dto: UpdateWaveDto): Promise<WaveSummary> {
    const { wave, event } = await this.access.requireWave(actor, waveId, 'manage');
    const next = { ...wave };
    if (dto.anonymous !== undefined && dto.anonymous !== wave.anonymous) {
      if (await this.dataSource.manager.existsBy(SurveyResponse, { waveId })) {
        throw conflict('The wave has responses; whether it is anonymous can no longer change', [
          { field: 'anonymous', reason: 'the wave has responses' },
        ]);
      }
      next.anonymous = dto.anonymous;
    }
    if (dto.label !== undefined && dto.label !== wave.label) {
      if (await this.dataSource.manager.existsBy(SurveyWave, { surveyId: wave.surveyId, label: dto.label })) {
        throw conflict(`This survey already has a wave "${dto.label}"`, [{ field: 'label', reason: 'already used' }]);
      }
      next.label = dto.label;
    }
    if (dto.status !== undefined && dto.status !== wave.status) {
      next.status = dto.status;
      next.closedAt = dto.status === 'closed' ? new Date() : null;
    }
    await this.dataSource.manager.save(SurveyWave, next);
    return this.reader.waveSummary(actor, next, event);
  }

  /** The survey as a manager sees it: events they may not see are withheld (see SurveyReader). */
  private async view(actor: Actor, survey: Survey): Promise<SurveyView> {
    const m = this.dataSource.manager;
    const event = survey.eventId ? await m.findOneBy(AgendaEvent, { id: survey.eventId }) : null;
    const waves = await m.find(SurveyWave, { where: { surveyId: survey.id }, order: { openedAt: 'ASC' } });
    return {
      id: survey.id,
      title: survey.title,
      description: survey.description,
      groupId: survey.groupId,
      event: eventRef(await this.reader.visibleEvent(actor, event)),
      items: await this.reader.items(actor, survey.id, 'manage'),
      waves: await Promise.all(
        waves.map(async (w) => {
          const waveEvent = w.eventId ? await m.findOneBy(AgendaEvent, { id: w.eventId }) : event;
          const invited = await this.invitees.of({ survey, event: waveEvent });
          return {
            ...(await this.reader.waveSummary(actor, w, waveEvent)),
            respondents: await this.reader.respondents(w.id),
            invited: invited.userIds.size,
            basis: invited.basis,
          };
        }),
      ),
    };
  }

  /**
   * Makes the survey's items match the list: kept items (by id) are updated and reordered,
   * new ones added, missing ones removed — unless they have answers (409).
   */
  private async replaceItems(
    m: EntityManager,
    surveyId: string,
    items: SurveyItemDto[],
    events: ItemEvents,
  ): Promise<void> {
    const existing = await m.findBy(SurveyItem, { surveyId });
    const byId = new Map(existing.map((i) => [i.id, i]));
    const questionIds = [...new Set(items.map((i) => i.questionId))];
    const found = new Set(
      (questionIds.length ? await m.findBy(SurveyQuestion, { id: In(questionIds) }) : []).map((q) => q.id),
    );
    const errors: Array<{ field: string; reason: string }> = [];
    for (const [i, item] of items.entries()) {
      if (!found.has(item.questionId)) errors.push({ field: `items.${i}.questionId`, reason: 'no such question' });
      const kept = item.id ? byId.get(item.id) : undefined;
      if (item.id && !kept) errors.push({ field: `items.${i}.id`, reason: 'not an item of this survey' });
      if (kept && kept.questionId !== item.questionId) {
        errors.push({ field: `items.${i}.questionId`, reason: "an item's question cannot change; add a new item" });
      }
      if (item.eventId && !events.visible.has(item.eventId)) {
        errors.push({ field: `items.${i}.eventId`, reason: 'no such event' });
      }
    }
    if (errors.length) {
      throw new AppError('validation_failed', errors.map((e) => `${e.field}: ${e.reason}`).join('; '), errors);
    }
    const keep = new Set(items.map((i) => i.id).filter(Boolean));
    const removed = existing.filter((i) => !keep.has(i.id)).map((i) => i.id);
    if (removed.length && (await m.existsBy(SurveyAnswer, { itemId: In(removed) }))) {
      throw conflict('A question that already has answers cannot be removed from the survey');
    }
    if (removed.length) await m.delete(SurveyItem, { id: In(removed) });
    for (const [position, item] of items.entries()) {
      const fields = {
        surveyId,
        questionId: item.questionId,
        position,
        label: item.label ?? null,
        eventId: item.eventId === undefined ? (events.withheld.get(item.id ?? '') ?? null) : item.eventId,
      };
      if (item.id) await m.update(SurveyItem, { id: item.id }, fields);
      else await m.insert(SurveyItem, fields);
    }
  }

  /**
   * What saving items needs to know of their events, read before the transaction (the policy
   * reads through its own connection, which must not wait inside one): which events named in
   * the list the actor may see, and which kept items are about an event they may not see. Those
   * showed the manager no event (SurveyReader), so saving the list back without an eventId
   * keeps their event rather than clearing it.
   */
  private async itemEvents(actor: Actor, surveyId: string | null, items: SurveyItemDto[]): Promise<ItemEvents> {
    const m = this.dataSource.manager;
    const named = [...new Set(items.map((i) => i.eventId).filter((id): id is string => !!id))];
    const kept = surveyId ? await m.findBy(SurveyItem, { surveyId }) : [];
    const keptEventIds = kept.map((i) => i.eventId).filter((id): id is string => id !== null);
    const ids = [...new Set([...named, ...keptEventIds])];
    const found = ids.length ? await m.findBy(AgendaEvent, { id: In(ids) }) : [];
    const visible = new Set<string>();
    for (const event of found) if (await this.events.canSee(actor, event)) visible.add(event.id);
    const withheld = new Map(
      kept.filter((i) => i.eventId && !visible.has(i.eventId)).map((i) => [i.id, i.eventId as string]),
    );
    return { visible, withheld };
  }

  private async visibleEvent(actor: Actor, eventId: string, field: string): Promise<AgendaEvent> {
    const event = await this.dataSource.manager.findOneBy(AgendaEvent, { id: eventId });
    if (!event || !(await this.events.canSee(actor, event))) throw invalid(field, 'no such event');
    return event;
  }
}
