import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Actor, isAdmin } from '../auth/actor';
import { forbidden, invalid, notFound } from '../common/errors';
import { GroupsPolicy, hiddenAs } from '../groups/groups.policy';
import { AgendaEvent } from './event.entity';

/**
 * Who may see and manage an event, answered through THE group policy: an event of a group
 * is seen by whoever may read the group and managed by its facilitators; an event without a
 * group (a Cluster Day) is seen by every signed-in person and managed by admins.
 */
@Injectable()
export class EventAccess {
  constructor(
    @InjectRepository(AgendaEvent) private readonly events: Repository<AgendaEvent>,
    private readonly policy: GroupsPolicy,
  ) {}

  async canSee(actor: Actor, event: Pick<AgendaEvent, 'groupId'>): Promise<boolean> {
    return event.groupId === null || this.policy.can(actor, event.groupId, 'read');
  }

  async canManage(actor: Actor, event: Pick<AgendaEvent, 'groupId'>): Promise<boolean> {
    if (isAdmin(actor)) return true;
    return event.groupId !== null && this.policy.can(actor, event.groupId, 'manage');
  }

  /** 404 when the event does not exist or is hidden; 403 when seen but not managed. */
  async require(actor: Actor, eventId: string, action: 'read' | 'manage'): Promise<AgendaEvent> {
    const event = await this.events.findOneBy({ id: eventId });
    if (!event || !(await this.canSee(actor, event))) throw notFound('Event');
    if (action === 'manage' && !(await this.canManage(actor, event))) {
      throw forbidden(
        event.groupId
          ? "Only admins and the group's facilitators manage this event"
          : 'Only admins manage events without a working group',
      );
    }
    return event;
  }

  /** The parents of these events that the actor may see (one query), for views that name a parent. */
  async seenParents(actor: Actor, events: Array<Pick<AgendaEvent, 'parentId'>>): Promise<Set<string>> {
    const ids = [...new Set(events.map((e) => e.parentId).filter((id): id is string => id !== null))];
    if (ids.length === 0) return new Set();
    if (isAdmin(actor)) return new Set(ids);
    const parents = await this.events.find({ where: { id: In(ids) }, select: { id: true, groupId: true } });
    const seen = new Set<string>();
    for (const p of parents) if (await this.canSee(actor, p)) seen.add(p.id);
    return seen;
  }

  /**
   * May the actor place an event in this group (create it there, or move it there)? The
   * group's managers may; without a group, admins. A group the actor cannot see is a bad
   * reference in the body (400), not a missing route.
   */
  async requireManageGroup(actor: Actor, groupId: string | null): Promise<void> {
    if (groupId === null) {
      if (!isAdmin(actor)) throw forbidden('Only admins create events without a working group');
      return;
    }
    await this.policy
      .require(actor, groupId, 'manage')
      .catch(hiddenAs(() => invalid('groupId', 'no such working group')));
  }

  /**
   * For list queries: the groups whose events the actor may see (events without a group are
   * always seen); null when they see every group's (admins).
   */
  readableScope(actor: Actor): Promise<string[] | null> {
    return this.policy.readableScope(actor);
  }
}
