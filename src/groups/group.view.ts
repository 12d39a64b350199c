/**
 * Working groups as the API shows them: part of the contract the client imports (src/contract).
 * Pure (no entity, no Nest): the client's type check reads this file. `Date` fields travel as
 * ISO strings; the client reads them through `Json<…>`.
 */
export const GROUP_ROLES = ['facilitator', 'member', 'observer'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];
export const VISIBILITIES = ['open', 'private'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

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
