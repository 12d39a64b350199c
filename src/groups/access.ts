import type { Actor } from '../auth/actor';
import type { SqlCondition } from '../common/sql-condition';
import type { GroupRole } from './membership.entity';
import type { Visibility } from './working-group.entity';

/**
 * What someone wants to do in a working group:
 * - `read`: see the group, its members, channels and published knowledge;
 * - `contribute`: post messages and write documents;
 * - `manage`: edit the group, manage members and channels, publish summaries, moderate.
 */
export type GroupAction = 'read' | 'contribute' | 'manage';

/** `hidden` answers 404 (the group's existence is not revealed); `denied` answers 403. */
export type Decision = 'allow' | 'denied' | 'hidden';

const ROLE_MAY: Record<GroupRole, readonly GroupAction[]> = {
  facilitator: ['read', 'contribute', 'manage'],
  member: ['read', 'contribute'],
  observer: ['read'],
};

/** The rule itself, free of I/O so it can be read and tested in one place. */
export function decide(
  actor: Pick<Actor, 'role'>,
  group: { visibility: Visibility },
  role: GroupRole | null,
  action: GroupAction,
): Decision {
  if (actor.role === 'admin') return 'allow';
  const canRead = role !== null || group.visibility === 'open';
  if (!canRead) return 'hidden';
  if (action === 'read') return 'allow';
  return role !== null && ROLE_MAY[role].includes(action) ? 'allow' : 'denied';
}

/** The roles whose holders manage a group (today: facilitators), for queries over memberships. */
export const MANAGING_ROLES: readonly GroupRole[] = (Object.keys(ROLE_MAY) as GroupRole[]).filter((r) =>
  ROLE_MAY[r].includes('manage'),
);

/**
 * "Admins and the group's facilitators": who manages a group's content (drafts of others,
 * templates, files of others, surveys, events, figures). For someone who may read the group
 * this is `decide(..., 'manage') === 'allow'`, without needing the group row.
 */
export function canManageGroupContent(actor: Pick<Actor, 'role'>, role: GroupRole | null): boolean {
  return actor.role === 'admin' || (role !== null && MANAGING_ROLES.includes(role));
}

/**
 * `decide(actor, group, role, 'read') !== 'hidden'` as SQL over a groups table aliased `g`:
 * open groups and the actor's own. Null for admins, who read every group.
 */
export function readableGroupsSql(actor: Pick<Actor, 'id' | 'role'>, g = 'g'): SqlCondition | null {
  if (actor.role === 'admin') return null;
  return {
    sql: `(${g}.visibility = 'open' OR EXISTS (SELECT 1 FROM memberships rm WHERE rm.group_id = ${g}.id AND rm.user_id = :groupReader))`,
    params: { groupReader: actor.id },
  };
}

/** How the person's last membership of the group ended (null: never a member, or still one). */
export interface Departure {
  /** The role they held then: set by a facilitator or admin, or `member` from a self-join. */
  role: GroupRole;
  /** A facilitator or admin removed them (rather than they left themselves). */
  removed: boolean;
}

/**
 * The answer to "may this person make themselves a member of this group?":
 * - `allow`: yes, as `member`;
 * - `hidden`: a private group they are not in (404, as for every action there);
 * - `private`: a private group they are in: only a facilitator changes roles there;
 * - `has_role`: they already have a role in the group;
 * - `not_member`: they asked for another role than `member`;
 * - `removed`: a facilitator or admin removed them;
 * - `was_observer`: they left while an observer (set, or demoted, by a facilitator).
 */
export type SelfJoin = 'allow' | 'hidden' | 'private' | 'has_role' | 'not_member' | 'removed' | 'was_observer';

/**
 * Self-join, free of I/O like `decide`. A person's role in a group is set by its facilitators
 * or an admin: joining an open group by oneself gives `member` only to people who have no role
 * there and whose last membership (if any) they ended themselves as a member or facilitator.
 * So an observer cannot leave and come back as a member, and a removed member stays out,
 * until a facilitator or admin adds them (which `decide(..., 'manage')` governs, not this).
 */
export function decideSelfJoin(
  actor: Pick<Actor, 'role'>,
  group: { visibility: Visibility },
  role: GroupRole | null,
  departure: Departure | null,
  requested: GroupRole,
): SelfJoin {
  if (decide(actor, group, role, 'read') === 'hidden') return 'hidden';
  if (group.visibility !== 'open') return 'private';
  if (role !== null) return 'has_role';
  if (requested !== 'member') return 'not_member';
  if (departure?.removed) return 'removed';
  if (departure && !ROLE_MAY[departure.role].includes('contribute')) return 'was_observer';
  return 'allow';
}

/** Whether the group view offers "Join": not in it yet, and allowed to add oneself as a member. */
export function mayJoin(
  actor: Pick<Actor, 'role'>,
  group: { visibility: Visibility },
  role: GroupRole | null,
  departure: Departure | null,
): boolean {
  if (role !== null) return false;
  return (
    decide(actor, group, role, 'manage') === 'allow' ||
    decideSelfJoin(actor, group, role, departure, 'member') === 'allow'
  );
}
