import type { GroupRole } from './membership.entity';
import type { WorkingGroup } from './working-group.entity';

/** Someone's role in a group changed; `role` null means they left or were removed. */
export interface MembershipChanged {
  groupId: string;
  userId: string;
  role: GroupRole | null;
}

/** A group was updated; `before` is its state before the change (e.g. visibility). */
export interface GroupChanged {
  group: WorkingGroup;
  before: WorkingGroup;
}

declare module '../domain-events/domain-event-map' {
  interface DomainEventMap {
    /** In the creating transaction: features add what every group starts with (channels: `general`). */
    'group.created': WorkingGroup;
    'group.changed': GroupChanged;
    /** After commit, the realtime layer moves the person's sockets in or out of the group's rooms. */
    'membership.changed': MembershipChanged;
  }
}
