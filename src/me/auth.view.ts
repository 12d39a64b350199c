/** `POST /auth/login`: part of the contract the client imports (src/contract). */
import type { UserView } from '../users/user.view';

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: UserView;
}
