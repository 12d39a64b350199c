/** The groups' REST paths and routes (a group's tabs; the channels and knowledge tabs' inner routes are theirs). */
export const groupsApi = {
  list: '/api/groups',
  group: (groupId: string) => `/api/groups/${groupId}`,
  members: (groupId: string) => `/api/groups/${groupId}/members`,
  /** PUT joins or changes the role, DELETE removes. */
  member: (groupId: string, userId: string) => `/api/groups/${groupId}/members/${userId}`,
};

export const groupPaths = {
  group: (groupId: string) => `/groups/${groupId}`,
  channels: (groupId: string) => `/groups/${groupId}/channels`,
  knowledge: (groupId: string) => `/groups/${groupId}/knowledge`,
  actions: (groupId: string) => `/groups/${groupId}/actions`,
  members: (groupId: string) => `/groups/${groupId}/members`,
};
