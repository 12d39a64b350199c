import type { GroupRole } from './membership.entity';
import type { Visibility, WorkingGroup } from './working-group.entity';

export interface GroupView {
  id: string;
  slug: string;
  name: string;
  description: string;
  visibility: Visibility;
  memberCount: number;
  /** The caller's role, or null when they read an open group (or administer it) without being a member. */
  myRole: GroupRole | null;
  /**
   * What the caller may do, so clients hide buttons instead of guessing. `join`: they are
   * not in the group and may add themselves as a member (the policy's self-join rule).
   */
  can: { contribute: boolean; manage: boolean; join: boolean };
  createdAt: Date;
}

export interface MemberView {
  userId: string;
  displayName: string;
  email: string;
  organisation: { id: string; name: string; shortName: string } | null;
  role: GroupRole;
  since: Date;
}

export type GroupRow = WorkingGroup & { memberCount: number; myRole: GroupRole | null };
