import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor } from '../auth/actor';
import { forbidden, invalid } from '../common/errors';
import { GroupsPolicy } from '../groups/groups.policy';
import { Organisation } from '../organisations/organisation.entity';
import { User } from '../users/user.entity';
import { EventAccess } from './event-access';
import { EventAttendance } from './event-attendance.entity';
import { EventInvitation } from './event-invitation.entity';
import { EventRegistration } from './event-registration.entity';
import { AgendaEvent } from './event.entity';
import { EventPersonRow, EventView } from './event.view';
import { EventsService } from './events.service';

interface PersonRow {
  user_id: string;
  display_name: string;
  at: Date;
  org_id: string | null;
  org_name: string | null;
  org_short: string | null;
  org_kind: string | null;
}

/** Who is invited (organisations), who registered and who attended (people, and so organisations). */
@Injectable()
export class EventPeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccess,
    private readonly events: EventsService,
    private readonly policy: GroupsPolicy,
  ) {}

  async setInvitations(actor: Actor, eventId: string, organisationIds: string[]): Promise<EventView> {
    const event = await this.access.require(actor, eventId, 'manage');
    const ids = [...new Set(organisationIds)];
    await this.dataSource.transaction(async (m) => {
      const found = ids.length ? await m.countBy(Organisation, { id: In(ids) }) : 0;
      if (found !== ids.length) throw invalid('organisationIds', 'an organisation does not exist');
      await m.delete(EventInvitation, { eventId });
      if (ids.length)
        await m.insert(
          EventInvitation,
          ids.map((organisationId) => ({ eventId, organisationId })),
        );
    });
    return this.events.view(actor, event);
  }

  /**
   * A person registers themselves. When the event has invitations, their organisation must
   * be invited (members of the event's group may always register); registration closes
   * when the event starts.
   */
  async register(actor: Actor, eventId: string): Promise<EventView> {
    const event = await this.access.require(actor, eventId, 'read');
    if (event.startsAt.getTime() <= Date.now()) {
      throw invalid('eventId', 'registration is closed: the event has started');
    }
    await this.requireInvited(actor, event);
    await this.dataSource.manager
      .createQueryBuilder()
      .insert()
      .into(EventRegistration)
      .values({ eventId, userId: actor.id, organisationId: actor.organisationId })
      .orIgnore()
      .execute();
    return this.events.view(actor, event);
  }

  async unregister(actor: Actor, eventId: string): Promise<void> {
    await this.access.require(actor, eventId, 'read');
    await this.dataSource.manager.delete(EventRegistration, { eventId, userId: actor.id });
  }

  async registrations(actor: Actor, eventId: string): Promise<EventPersonRow[]> {
    await this.access.require(actor, eventId, 'manage');
    return this.people('event_registrations', eventId);
  }

  async setAttendance(actor: Actor, eventId: string, userIds: string[]): Promise<EventPersonRow[]> {
    await this.access.require(actor, eventId, 'manage');
    const ids = [...new Set(userIds)];
    await this.dataSource.transaction(async (m) => {
      const people = ids.length
        ? await m.find(User, { where: { id: In(ids) }, select: { id: true, organisationId: true } })
        : [];
      if (people.length !== ids.length) throw invalid('userIds', 'a person does not exist');
      await replaceAttendance(m, eventId, people);
    });
    return this.people('event_attendances', eventId);
  }

  async attendance(actor: Actor, eventId: string): Promise<EventPersonRow[]> {
    await this.access.require(actor, eventId, 'manage');
    return this.people('event_attendances', eventId);
  }

  private async requireInvited(actor: Actor, event: AgendaEvent): Promise<void> {
    const m = this.dataSource.manager;
    if (!(await m.existsBy(EventInvitation, { eventId: event.id }))) return;
    if (
      actor.organisationId &&
      (await m.existsBy(EventInvitation, { eventId: event.id, organisationId: actor.organisationId }))
    ) {
      return;
    }
    if (event.groupId && (await this.policy.roleOf(actor, event.groupId))) return;
    if (await this.access.canManage(actor, event)) return;
    throw forbidden('Your organisation is not invited to this event');
  }

  private async people(table: 'event_registrations' | 'event_attendances', eventId: string): Promise<EventPersonRow[]> {
    const rows = await this.dataSource.query<PersonRow[]>(
      `SELECT u.id AS user_id, u.display_name, r.created_at AS at,
              o.id AS org_id, o.name AS org_name, o.short_name AS org_short, o.kind AS org_kind
       FROM ${table} r JOIN users u ON u.id = r.user_id
       LEFT JOIN organisations o ON o.id = r.organisation_id
       WHERE r.event_id = $1 ORDER BY u.display_name, u.id`,
      [eventId],
    );
    return rows.map((r) => ({
      user: {
        id: r.user_id,
        displayName: r.display_name,
        organisation: r.org_id ? { id: r.org_id, name: r.org_name!, shortName: r.org_short!, kind: r.org_kind! } : null,
      },
      at: new Date(r.at).toISOString(),
    }));
  }
}

/** Replaces an event's attendance; each row keeps the person's organisation at that time. Used by the seed too. */
export async function replaceAttendance(
  m: EntityManager,
  eventId: string,
  people: Array<Pick<User, 'id' | 'organisationId'>>,
): Promise<void> {
  await m.delete(EventAttendance, { eventId });
  if (people.length) {
    await m.insert(
      EventAttendance,
      people.map((p) => ({ eventId, userId: p.id, organisationId: p.organisationId })),
    );
  }
}
