import type { GroupRole } from './membership.entity';

/**
 * Emitted (in-process, after the change is stored) when someone's role in a group changes:
 * `role` null means they were removed. The realtime layer listens, so a removed member's
 * sockets leave the group's rooms at once, without groups knowing about sockets.
 */
export const MEMBERSHIP_CHANGED = 'membership.changed';

export interface MembershipChangedEvent {
  groupId: string;
  userId: string;
  role: GroupRole | null;
}
