/**
 * The directory's REST paths (people, organisations) and the admin routes. Every feature reads
 * the lists (through `api/queries.ts`); the admin area is where they are created and changed.
 */
export const adminApi = {
  /** GET lists people, POST invites one. */
  users: '/api/users',
  user: (id: string) => `/api/users/${id}`,
  /** GET lists organisations, POST creates one. */
  organisations: '/api/organisations',
} as const;

export const adminPaths = {
  admin: '/admin',
  organisations: '/admin/organisations',
  people: '/admin/people',
  groups: '/admin/groups',
} as const;
