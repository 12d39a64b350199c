/** Query keys in one place, so realtime handlers and views address the same cache entries. */
export const keys = {
  me: ['me'] as const,
  organisations: ['organisations'] as const,
  users: ['users'] as const,
  groups: ['groups'] as const,
  group: (groupId: string) => ['group', groupId] as const,
  members: (groupId: string) => ['group', groupId, 'members'] as const,
  /** Prefix ['channels'] matches every group's channel list. */
  channels: (groupId: string) => ['channels', groupId] as const,
  timeline: (channelId: string) => ['timeline', channelId] as const,
  thread: (rootId: string) => ['thread', rootId] as const,
  notifications: ['notifications'] as const,
  /** Prefix ['documents', groupId] matches every filtered list of a group. */
  documents: (groupId: string) => ['documents', groupId] as const,
  document: (id: string) => ['document', id] as const,
  revisions: (id: string) => ['document', id, 'revisions'] as const,
  backlinks: (id: string) => ['document', id, 'backlinks'] as const,
  actionItems: (groupId: string) => ['action-items', groupId] as const,
  tags: (groupId: string) => ['tags', groupId] as const,
  search: (params: Record<string, string>) => ['search', params] as const,
};
