import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Actor, isAdmin } from '../auth/actor';
import { CacheBus } from '../cache/cache-bus';
import { conflict, forbidden, notFound } from '../common/errors';
import { DomainEvents } from '../domain-events/domain-events';
import { UsersService } from '../users/users.service';
import { decide, mayJoin, readableGroupsSql } from './access';
import { CreateGroupDto, UpdateGroupDto } from './dto/group.dto';
import { GroupView, MemberView } from './group.view';
import { GroupsPolicy } from './groups.policy';
import { MembershipDeparture } from './membership-departure.entity';
import { GroupRole, Membership } from './membership.entity';
import { WorkingGroup } from './working-group.entity';

interface GroupRowRaw {
  id: string;
  slug: string;
  name: string;
  description: string;
  visibility: WorkingGroup['visibility'];
  created_at: Date;
  member_count: number;
  my_role: GroupRole | null;
  /** How the caller's last membership ended, when they are not a member now (for `can.join`). */
  left_as: GroupRole | null;
  left_removed: boolean | null;
}

@Injectable()
export class GroupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(WorkingGroup) private readonly groups: Repository<WorkingGroup>,
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    private readonly policy: GroupsPolicy,
    private readonly users: UsersService,
    private readonly events: DomainEvents,
    private readonly cache: CacheBus,
  ) {}

  async list(actor: Actor): Promise<GroupView[]> {
    return (await this.query(actor)).map((row) => this.view(actor, row));
  }

  async get(actor: Actor, groupId: string): Promise<GroupView> {
    await this.policy.require(actor, groupId, 'read');
    const [row] = await this.query(actor, groupId);
    // Another process may have just made the group private: the cached check can lag the row.
    if (!row) throw notFound('Working group');
    return this.view(actor, row);
  }

  /** The groups the actor belongs to, with their role (for /me). */
  async mine(actor: Actor): Promise<GroupView[]> {
    return (await this.query(actor)).filter((row) => row.my_role !== null).map((row) => this.view(actor, row));
  }

  async create(actor: Actor, dto: CreateGroupDto): Promise<GroupView> {
    if (!isAdmin(actor)) throw forbidden('Only admins create working groups');
    // An open group is readable by everyone at once (and any group by admins).
    const group = await this.cache.write(
      (manager) => this.insert(manager, dto),
      (created) => [{ kind: 'group', groupId: created.id }],
    );
    return this.get(actor, group.id);
  }

  /** Used by create() and by the demo seed inside its own transaction. */
  async insert(manager: EntityManager, dto: CreateGroupDto): Promise<WorkingGroup> {
    if (await manager.existsBy(WorkingGroup, { slug: dto.slug })) {
      throw conflict(`The slug "${dto.slug}" is taken`, [{ field: 'slug', reason: 'taken' }]);
    }
    const group = await manager.save(manager.create(WorkingGroup, { description: '', visibility: 'open', ...dto }));
    await this.events.emit(manager, 'group.created', group);
    return group;
  }

  async update(actor: Actor, groupId: string, dto: UpdateGroupDto): Promise<GroupView> {
    const { group } = await this.policy.require(actor, groupId, 'manage');
    if (dto.slug !== undefined && dto.slug !== group.slug && (await this.groups.existsBy({ slug: dto.slug }))) {
      throw conflict(`The slug "${dto.slug}" is taken`, [{ field: 'slug', reason: 'taken' }]);
    }
    const before = { ...group };
    // Visibility and names: access checks, search filters and /me change at once.
    await this.cache.write(
      async (manager) => {
        const saved = await manager.save(WorkingGroup, Object.assign(group, dto));
        await this.events.emit(manager, 'group.changed', { group: saved, before });
      },
      () => [{ kind: 'group', groupId }],
    );
    return this.get(actor, groupId);
  }

  async members(actor: Actor, groupId: string): Promise<MemberView[]> {
    await this.policy.require(actor, groupId, 'read');
    const rows = await this.memberships.find({
      where: { groupId },
      relations: { user: { organisation: true } },
      order: { createdAt: 'ASC' },
    });
    return rows.map((m) => this.memberView(m));
  }

  /**
   * Adds a person or changes their role. Facilitators and admins set anyone's role; anyone
   * else may only add themselves to an open group, as the policy's self-join rule allows.
   */
  async setMember(actor: Actor, groupId: string, userId: string, role: GroupRole): Promise<MemberView> {
    const { selfJoin } = await this.policy.requireSetRole(actor, groupId, userId, role);
    if (!(await this.users.exists(userId))) throw notFound('Person');
    await this.cache.write(
      async (m) => {
        if (selfJoin) {
          // A self-join only ever adds: a role a facilitator set meanwhile is never overwritten.
          await m.createQueryBuilder().insert().into(Membership).values({ groupId, userId, role }).orIgnore().execute();
        } else {
          await m.upsert(Membership, { groupId, userId, role }, ['groupId', 'userId']);
        }
        const { role: now } = await m.findOneByOrFail(Membership, { groupId, userId });
        await this.events.emit(m, 'membership.changed', { groupId, userId, role: now });
      },
      () => [{ kind: 'membership', groupId, userId }],
    );
    const membership = await this.memberships.findOneOrFail({
      where: { groupId, userId },
      relations: { user: { organisation: true } },
    });
    return this.memberView(membership);
  }

  /**
   * Removes a person; anyone may leave a group themselves. How it ended (the role held, and
   * whether a facilitator or admin removed them) is recorded in the same transaction, for
   * the self-join rule.
   */
  async removeMember(actor: Actor, groupId: string, userId: string): Promise<void> {
    const bySelf = userId === actor.id;
    await this.policy.require(actor, groupId, bySelf ? 'read' : 'manage');
    const gone = await this.cache.write(
      async (m) => {
        const rows = await m.query<Array<{ role: GroupRole }>>(
          `WITH gone AS (DELETE FROM memberships WHERE group_id = $1 AND user_id = $2 RETURNING group_id, user_id, role),
           recorded AS (
             INSERT INTO membership_departures (group_id, user_id, role, removed, removed_by_id, left_at)
             SELECT group_id, user_id, role, $3, $4, now() FROM gone
             ON CONFLICT (group_id, user_id) DO UPDATE SET role = EXCLUDED.role, removed = EXCLUDED.removed,
               removed_by_id = EXCLUDED.removed_by_id, left_at = EXCLUDED.left_at)
           SELECT role FROM gone`,
          [groupId, userId, !bySelf, bySelf ? null : actor.id],
        );
        if (rows.length) await this.events.emit(m, 'membership.changed', { groupId, userId, role: null });
        return rows;
      },
      () => [{ kind: 'membership', groupId, userId }],
    );
    if (gone.length === 0) throw notFound('Membership');
  }

  private async query(actor: Actor, groupId?: string): Promise<GroupRowRaw[]> {
    const qb = this.dataSource
      .createQueryBuilder()
      .select(['g.id AS id', 'g.slug AS slug', 'g.name AS name', 'g.description AS description'])
      .addSelect(['g.visibility AS visibility', 'g.created_at AS created_at', 'my.role AS my_role'])
      .addSelect('(SELECT count(*) FROM memberships m WHERE m.group_id = g.id)::int', 'member_count')
      .addSelect(['dep.role AS left_as', 'dep.removed AS left_removed'])
      .from(WorkingGroup, 'g')
      .leftJoin(Membership, 'my', 'my.group_id = g.id AND my.user_id = :userId', { userId: actor.id })
      .leftJoin(MembershipDeparture, 'dep', 'dep.group_id = g.id AND dep.user_id = :userId')
      .orderBy('g.name', 'ASC');
    const readable = readableGroupsSql(actor, 'g');
    if (readable) qb.where(readable.sql, readable.params);
    if (groupId) qb.andWhere('g.id = :groupId', { groupId });
    return qb.getRawMany<GroupRowRaw>();
  }

  private view(actor: Actor, row: GroupRowRaw): GroupView {
    const departure = row.left_as ? { role: row.left_as, removed: row.left_removed === true } : null;
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      description: row.description,
      visibility: row.visibility,
      memberCount: row.member_count,
      myRole: row.my_role,
      can: {
        contribute: decide(actor, row, row.my_role, 'contribute') === 'allow',
        manage: decide(actor, row, row.my_role, 'manage') === 'allow',
        join: mayJoin(actor, row, row.my_role, departure),
      },
      createdAt: row.created_at,
    };
  }

  private memberView(m: Membership): MemberView {
    const user = m.user!;
    const o = user.organisation;
    return {
      userId: m.userId,
      displayName: user.displayName,
      email: user.email,
      organisation: o ? { id: o.id, name: o.name, shortName: o.shortName } : null,
      role: m.role,
      since: m.createdAt,
    };
  }
}
