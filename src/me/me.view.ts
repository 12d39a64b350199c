/** `GET /me` and `PATCH /me`: part of the contract the client imports (src/contract). */
import type { GroupView } from '../groups/group.view';
import type { UserView } from '../users/user.view';

export interface MeView {
  user: UserView;
  groups: GroupView[];
}
