/** The knowledge base's REST paths (documents, revisions, files, action items, preview) and routes. */
export const knowledgeApi = {
  /** GET lists (filtered by `kind`, `tag`, `organisationId`, `limit`), POST creates. */
  documents: (groupId: string) => `/api/groups/${groupId}/documents`,
  templates: (groupId: string) => `/api/groups/${groupId}/templates`,
  files: (groupId: string) => `/api/groups/${groupId}/files`,
  /** GET reads, PUT saves a new version, DELETE removes. */
  document: (id: string) => `/api/documents/${id}`,
  publish: (id: string) => `/api/documents/${id}/publish`,
  backlinks: (id: string) => `/api/documents/${id}/backlinks`,
  revisions: (id: string) => `/api/documents/${id}/revisions`,
  diff: (id: string, a: number, b: number) => `/api/documents/${id}/revisions/${a}/diff/${b}`,
  restore: (id: string, version: number) => `/api/documents/${id}/revisions/${version}/restore`,
  /** A group's action items (filtered by `status`, `owner`); they come from its meeting summaries. */
  actionItems: (groupId: string) => `/api/groups/${groupId}/action-items`,
  actionItem: (id: string) => `/api/action-items/${id}`,
  markdownPreview: '/api/markdown/preview',
};

export const knowledgePaths = {
  document: (id: string) => `/documents/${id}`,
  edit: (id: string) => `/documents/${id}/edit`,
  history: (id: string) => `/documents/${id}/history`,
  newDocument: (groupId: string, kind: string) => `/groups/${groupId}/knowledge/new?kind=${kind}`,
  tagged: (groupId: string, tag: string) => `/groups/${groupId}/knowledge?tag=${encodeURIComponent(tag)}`,
};
