import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, Repository } from 'typeorm';
import { Actor } from '../auth/actor';
import { AppError, conflict, invalid } from '../common/errors';
import { CreateEventDto, ListEventsQuery, UpdateEventDto } from './dto/event.dto';
import { EventAccess } from './event-access';
import { EventAttendance } from './event-attendance.entity';
import { EventInvitation } from './event-invitation.entity';
import { EventRegistration } from './event-registration.entity';
import { checkEvent } from './event-rules';
import { AgendaEvent } from './event.entity';
import { eventSummary, EventSummary, EventView, OrganisationRef } from './event.view';

/** Events: Cluster Days, thematic workshops, working-group meetings. */
@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(AgendaEvent) private readonly events: Repository<AgendaEvent>,
    private readonly access: EventAccess,
  ) {}

  async list(actor: Actor, query: ListEventsQuery): Promise<EventSummary[]> {
    const qb = this.events.createQueryBuilder('e').orderBy('e.starts_at', 'ASC').addOrderBy('e.title', 'ASC');
    const groupIds = await this.access.readableScope(actor);
    if (groupIds) {
      qb.andWhere(
        new Brackets((w) => {
          w.where('e.group_id IS NULL');
          if (groupIds.length) w.orWhere('e.group_id IN (:...groupIds)', { groupIds });
        }),
      );
    }
    if (query.from) qb.andWhere('e.starts_at >= :from::date', { from: query.from });
    if (query.to) qb.andWhere(`e.starts_at < (:to::date + interval '1 day')`, { to: query.to });
    if (query.groupId) qb.andWhere('e.group_id = :groupId', { groupId: query.groupId });
    if (query.kind) qb.andWhere('e.kind = :kind', { kind: query.kind });
    const events = await qb.getMany();
    const seen = await this.access.seenParents(actor, events);
    return events.map((e) => eventSummary(e, e.parentId !== null && seen.has(e.parentId)));
  }

  async get(actor: Actor, id: string): Promise<EventView> {
    const event = await this.access.require(actor, id, 'read');
    return this.view(actor, event);
  }

  async create(actor: Actor, dto: CreateEventDto): Promise<EventView> {
    const groupId = dto.groupId ?? null;
    await this.access.requireManageGroup(actor, groupId);
    const parent = await this.parent(actor, dto.parentId ?? null);
    const fields = {
      kind: dto.kind,
      title: dto.title,
      description: dto.description ?? '',
      startsAt: new Date(dto.startsAt),
      endsAt: dto.endsAt ? new Date(dto.endsAt) : null,
      place: dto.place ?? null,
      online: dto.online ?? false,
      groupId,
      parentId: parent?.id ?? null,
    };
    this.check({ ...fields, parentKind: parent?.kind ?? null });
    const saved = await this.events.save(this.events.create({ ...fields, createdById: actor.id }));
    return this.view(actor, saved);
  }

  async update(actor: Actor, id: string, dto: UpdateEventDto): Promise<EventView> {
    const event = await this.access.require(actor, id, 'manage');
    if (dto.groupId !== undefined && dto.groupId !== event.groupId)
      await this.access.requireManageGroup(actor, dto.groupId);
    if (dto.kind !== undefined && dto.kind !== event.kind && (await this.events.existsBy({ parentId: id }))) {
      throw invalid('kind', 'this event has workshops; it stays a Cluster Day');
    }
    const parentId = dto.parentId === undefined ? event.parentId : dto.parentId;
    if (parentId === id) throw invalid('parentId', 'an event cannot be part of itself');
    // Kept as it is, a parent the manager may not see (their view showed none) stays.
    const parent =
      dto.parentId === undefined && parentId !== null
        ? await this.events.findOneBy({ id: parentId })
        : await this.parent(actor, parentId);
    const next: AgendaEvent = {
      ...event,
      ...(dto.kind !== undefined && { kind: dto.kind }),
      ...(dto.title !== undefined && { title: dto.title }),
      ...(dto.description !== undefined && { description: dto.description }),
      ...(dto.startsAt !== undefined && { startsAt: new Date(dto.startsAt) }),
      ...(dto.endsAt !== undefined && { endsAt: dto.endsAt ? new Date(dto.endsAt) : null }),
      ...(dto.place !== undefined && { place: dto.place }),
      ...(dto.online !== undefined && { online: dto.online }),
      ...(dto.groupId !== undefined && { groupId: dto.groupId }),
      parentId: parent?.id ?? null,
    };
    this.check({ ...next, parentKind: parent?.kind ?? null });
    await this.events.save(next);
    return this.view(actor, next);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.access.require(actor, id, 'manage');
    const used = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM surveys WHERE event_id = $1
       UNION ALL SELECT 1 FROM survey_waves WHERE event_id = $1 LIMIT 1`,
      [id],
    );
    if (used.length) throw conflict('A survey is attached to this event; delete the survey first');
    await this.events.delete({ id });
  }

  /** The event as the actor sees it: children, invited organisations, counts, and their own state. */
  async view(actor: Actor, event: AgendaEvent): Promise<EventView> {
    const m = this.dataSource.manager;
    const [children, invitations, registered, attended, presentRows, mine, mineAttended, canManage, seen] =
      await Promise.all([
        this.events.find({ where: { parentId: event.id }, order: { startsAt: 'ASC', title: 'ASC' } }),
        m.find(EventInvitation, { where: { eventId: event.id }, relations: { organisation: true } }),
        m.countBy(EventRegistration, { eventId: event.id }),
        m.countBy(EventAttendance, { eventId: event.id }),
        m.query<Array<{ n: number }>>(
          `SELECT count(DISTINCT organisation_id)::int AS n FROM event_attendances WHERE event_id = $1`,
          [event.id],
        ),
        m.existsBy(EventRegistration, { eventId: event.id, userId: actor.id }),
        m.existsBy(EventAttendance, { eventId: event.id, userId: actor.id }),
        this.access.canManage(actor, event),
        this.access.seenParents(actor, [event]),
      ]);
    const visibleChildren: AgendaEvent[] = [];
    for (const child of children) if (await this.access.canSee(actor, child)) visibleChildren.push(child);
    const invited: OrganisationRef[] = invitations
      .map((i) => i.organisation!)
      .map((o) => ({ id: o.id, name: o.name, shortName: o.shortName, kind: o.kind }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return {
      ...eventSummary(event, event.parentId !== null && seen.has(event.parentId)),
      description: event.description,
      children: visibleChildren.map((child) => eventSummary(child, true)),
      invitedOrganisations: invited,
      counts: { registered, attended, organisationsPresent: presentRows[0]?.n ?? 0 },
      me: { registered: mine, attended: mineAttended, canManage },
    };
  }

  private async parent(actor: Actor, parentId: string | null): Promise<AgendaEvent | null> {
    if (parentId === null) return null;
    const parent = await this.events.findOneBy({ id: parentId });
    if (!parent || !(await this.access.canSee(actor, parent))) throw invalid('parentId', 'no such event');
    return parent;
  }

  private check(shape: Parameters<typeof checkEvent>[0]): void {
    const errors = checkEvent(shape);
    if (errors.length) {
      throw new AppError('validation_failed', errors.map((e) => `${e.field}: ${e.reason}`).join('; '), errors);
    }
  }
}
