import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor, isAdmin } from '../auth/actor';
import { AppError, notFound } from '../common/errors';
import { decide, GroupAction } from './access';
import { GroupRole, Membership } from './membership.entity';
import { WorkingGroup } from './working-group.entity';

export interface GroupAccess {
  group: WorkingGroup;
  /** The actor's own role in the group, or null (an admin, or a reader of an open group). */
  role: GroupRole | null;
}

/**
 * THE access policy. Every REST handler, socket event, room join and search query asks it
 * whether the actor may act in a group. The rule lives in `access.ts`; this class loads
 * what the rule needs and turns its answer into 404 (hidden) or 403 (denied).
 */
@Injectable()
export class GroupsPolicy {
  constructor(
    @InjectRepository(WorkingGroup) private readonly groups: Repository<WorkingGroup>,
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
  ) {}

  async roleOf(actor: Pick<Actor, 'id'>, groupId: string): Promise<GroupRole | null> {
    const membership = await this.memberships.findOneBy({ groupId, userId: actor.id });
    return membership?.role ?? null;
  }

  /** Loads the group and checks the action: 404 when the actor may not see it, 403 when they see it but may not act. */
  async require(actor: Actor, groupId: string, action: GroupAction): Promise<GroupAccess> {
    const group = await this.groups.findOneBy({ id: groupId });
    if (!group) throw notFound('Working group');
    const role = await this.roleOf(actor, groupId);
    const decision = decide(actor, group, role, action);
    if (decision === 'hidden') throw notFound('Working group');
    if (decision === 'denied') {
      throw new AppError(
        'forbidden',
        action === 'manage' ? 'Only facilitators can do this' : 'Observers and non-members cannot post here',
      );
    }
    return { group, role };
  }

  async can(actor: Actor, groupId: string, action: GroupAction): Promise<boolean> {
    const group = await this.groups.findOneBy({ id: groupId });
    if (!group) return false;
    return decide(actor, group, await this.roleOf(actor, groupId), action) === 'allow';
  }

  /** The ids of every group the actor may read, for list queries and search filters. */
  async readableGroupIds(actor: Actor): Promise<string[]> {
    const qb = this.groups.createQueryBuilder('g').select('g.id', 'id');
    if (!isAdmin(actor)) {
      qb.where(`g.visibility = 'open'`).orWhere(
        'EXISTS (SELECT 1 FROM memberships m WHERE m.group_id = g.id AND m.user_id = :userId)',
        { userId: actor.id },
      );
    }
    const rows = await qb.getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }
}
