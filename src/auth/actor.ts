/** What a person may do on the whole platform (roles within a group are the groups' own). */
export const PLATFORM_ROLES = ['admin', 'member'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

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
