import type { PlatformRole } from '../users/user.entity';

/** The signed-in person making a request, as every service method receives it. */
export interface Actor {
  id: string;
  email: string;
  displayName: string;
  organisationId: string | null;
  role: PlatformRole;
  sessionId: string;
}

export const isAdmin = (actor: Pick<Actor, 'role'>): boolean => actor.role === 'admin';
