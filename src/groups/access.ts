import type { Actor } from '../auth/actor';
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
