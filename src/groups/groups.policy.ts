import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Actor, isAdmin } from '../auth/actor';
import { BoundedCache } from '../cache/bounded-cache';
import { CacheBus } from '../cache/cache-bus';
import { AppError, notFound } from '../common/errors';
import { decide, decideSelfJoin, Departure, GroupAction, MANAGING_ROLES, readableGroupsSql, SelfJoin } from './access';
import { MembershipDeparture } from './membership-departure.entity';
import { GroupRole, Membership } from './membership.entity';
import { WorkingGroup } from './working-group.entity';

export interface GroupAccess {
  group: WorkingGroup;
  /** The actor's own role in the group, or null (an admin, or a reader of an open group). */
  role: GroupRole | null;
}

/** Asked on every REST call, socket event and search keystroke; see CacheBus for invalidation. */
const TTL_MS = 60_000;
/** The key of the readable-groups entry shared by all admins (they read every group). */
const ADMINS = '*';
const roleKey = (userId: string, groupId: string): string => `${userId}/${groupId}`;

/** Why a self-join was refused, in words that say what to do instead. */
const SELF_JOIN_REFUSED: Record<Exclude<SelfJoin, 'allow' | 'hidden'>, string> = {
  private: 'Roles in a private group are set by its facilitators; ask a facilitator',
  has_role: 'You already have a role in this group; ask a facilitator to change it',
  not_member: 'You can join as a member only; ask a facilitator for another role',
  removed: 'A facilitator removed you from this group; ask a facilitator to add you again',
  was_observer: 'You were an observer in this group; ask a facilitator to make you a member',
};

/**
 * THE mapping of "hidden" to the caller's answer. A 404 from the policy (a missing or hidden
 * group, or a resource hidden with it) is re-thrown as `as`: a 404 naming the resource, so a
 * hidden one reads exactly like a missing one, or another error built by `as` (a 400 for a
 * group named in a request body). Other errors pass unchanged: `.catch(hiddenAs('File'))`.
 */
export function hiddenAs(as: string | (() => AppError)): (e: unknown) => never {
  return (e: unknown) => {
    if (e instanceof AppError && e.code === 'not_found') throw typeof as === 'string' ? notFound(as) : as();
    throw e;
  };
}

/**
 * THE access policy. Every REST handler, socket event, room join and search query asks it
 * whether the actor may act in a group. The rule lives in `access.ts`; this class loads
 * what the rule needs and turns its answer into 404 (hidden) or 403 (denied).
 *
 * What it loads (group rows, roles, readable group ids) is cached in memory and dropped when
 * a group, membership or person changes (GroupsService and UsersService announce it).
 */
@Injectable()
export class GroupsPolicy {
  private readonly groupRows: BoundedCache<string, WorkingGroup | null>;
  private readonly roles: BoundedCache<string, GroupRole | null>;
  private readonly readable: BoundedCache<string, readonly string[]>;

  constructor(
    @InjectRepository(WorkingGroup) private readonly groups: Repository<WorkingGroup>,
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    @InjectRepository(MembershipDeparture) private readonly departures: Repository<MembershipDeparture>,
    cache: CacheBus,
  ) {
    // A group that does not exist is not cached (its id may be created later).
    this.groupRows = cache.cache({ maxEntries: 10_000, ttlMs: TTL_MS, expiresAt: (g) => (g ? Infinity : 0) });
    // "Not a member" (null) is cached too: it is the common answer for readers of open groups.
    this.roles = cache.cache({ maxEntries: 50_000, ttlMs: TTL_MS });
    this.readable = cache.cache({ maxEntries: 10_000, ttlMs: TTL_MS });
    cache.subscribe((i) => {
      switch (i.kind) {
        case 'all':
          this.groupRows.clear();
          this.roles.clear();
          this.readable.clear();
          break;
        case 'group':
          // A new or changed group (visibility) changes what everyone may read.
          this.groupRows.delete(i.groupId);
          this.readable.clear();
          break;
        case 'membership':
          this.roles.delete(roleKey(i.userId, i.groupId));
          this.readable.delete(i.userId);
          break;
        case 'user': {
          const prefix = `${i.userId}/`;
          this.roles.deleteWhere((_, key) => key.startsWith(prefix));
          this.readable.delete(i.userId);
          break;
        }
      }
    });
  }

  async roleOf(actor: Pick<Actor, 'id'>, groupId: string): Promise<GroupRole | null> {
    const key = roleKey(actor.id, groupId);
    const hit = this.roles.get(key);
    if (hit !== undefined) return hit;
    return this.roles.getOrLoad(key, async () => {
      const membership = await this.memberships.findOneBy({ groupId, userId: actor.id });
      return membership?.role ?? null;
    });
  }

  /** Loads the group and checks the action: 404 when the actor may not see it, 403 when they see it but may not act. */
  async require(actor: Actor, groupId: string, action: GroupAction): Promise<GroupAccess> {
    const group = await this.group(groupId);
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
    // A copy: callers may change it (GroupsService.update does) without touching the cache.
    return { group: Object.assign(new WorkingGroup(), group), role };
  }

  /**
   * May the actor give `userId` this role in the group? Facilitators and admins set anyone's
   * role; anyone else may only add themselves to an open group, as `decideSelfJoin` says.
   * 404 when the group is hidden, 403 (saying whom to ask) when refused.
   */
  async requireSetRole(
    actor: Actor,
    groupId: string,
    userId: string,
    requested: GroupRole,
  ): Promise<GroupAccess & { selfJoin: boolean }> {
    const group = await this.group(groupId);
    if (!group) throw notFound('Working group');
    const role = await this.roleOf(actor, groupId);
    if (userId !== actor.id || decide(actor, group, role, 'manage') === 'allow') {
      return { ...(await this.require(actor, groupId, 'manage')), selfJoin: false };
    }
    // Read fresh, not cached: a self-join is rare and must see the latest departure.
    const departure = role === null ? await this.departureOf(actor.id, groupId) : null;
    const verdict = decideSelfJoin(actor, group, role, departure, requested);
    if (verdict === 'hidden') throw notFound('Working group');
    if (verdict !== 'allow') throw new AppError('forbidden', SELF_JOIN_REFUSED[verdict]);
    return { group: Object.assign(new WorkingGroup(), group), role, selfJoin: true };
  }

  /** How the person's last membership of the group ended, or null (never left, or never joined). */
  async departureOf(userId: string, groupId: string): Promise<Departure | null> {
    const row = await this.departures.findOne({ where: { groupId, userId }, select: { role: true, removed: true } });
    return row ? { role: row.role, removed: row.removed } : null;
  }

  async can(actor: Actor, groupId: string, action: GroupAction): Promise<boolean> {
    const group = await this.group(groupId);
    if (!group) return false;
    return decide(actor, group, await this.roleOf(actor, groupId), action) === 'allow';
  }

  /** The ids of every group the actor may read, for list queries and search filters. */
  async readableGroupIds(actor: Actor): Promise<string[]> {
    const admin = isAdmin(actor);
    const key = admin ? ADMINS : actor.id;
    const ids = this.readable.get(key) ?? (await this.readable.getOrLoad(key, () => this.loadReadable(actor)));
    return [...ids];
  }

  /** Like `readableGroupIds`, but null when the actor reads every group (admins): no filter is needed. */
  async readableScope(actor: Actor): Promise<string[] | null> {
    return isAdmin(actor) ? null : this.readableGroupIds(actor);
  }

  /** The groups whose content the actor manages (`canManageGroupContent`); null for admins, who manage all. */
  async managedGroupIds(actor: Actor): Promise<string[] | null> {
    if (isAdmin(actor)) return null;
    const rows = await this.memberships.find({
      where: { userId: actor.id, role: In([...MANAGING_ROLES]) },
      select: { groupId: true },
    });
    return rows.map((r) => r.groupId);
  }

  private group(groupId: string): Promise<WorkingGroup | null> {
    const hit = this.groupRows.get(groupId);
    if (hit !== undefined) return Promise.resolve(hit);
    return this.groupRows.getOrLoad(groupId, () => this.groups.findOneBy({ id: groupId }));
  }

  private async loadReadable(actor: Actor): Promise<readonly string[]> {
    const qb = this.groups.createQueryBuilder('g').select('g.id', 'id');
    const readable = readableGroupsSql(actor, 'g');
    if (readable) qb.where(readable.sql, readable.params);
    const rows = await qb.getRawMany<{ id: string }>();
    return Object.freeze(rows.map((r) => r.id));
  }
}
