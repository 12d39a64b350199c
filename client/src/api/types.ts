/**
 * Shapes of the REST API as the client reads them.
 *
 * The first block mirrors views the server already has (src/users/user.view.ts,
 * src/groups/group.view.ts, src/notifications). The second block (channels, messages,
 * documents, search) is written from ARCHITECTURE.md and issues 3–5 while those APIs are being
 * built: ALIGN AT MERGE with the server's views. Everything the client reads from those
 * payloads goes through `normalize.ts`, so a renamed field is fixed in one place.
 */
export type Locale = 'en' | 'es' | 'eu';
export type PlatformRole = 'admin' | 'member';
export type GroupRole = 'facilitator' | 'member' | 'observer';
export type Visibility = 'open' | 'private';

export interface OrganisationRef {
  id: string;
  name: string;
  shortName: string;
}

export interface Organisation extends OrganisationRef {
  kind: string;
  sector: string | null;
  website: string | null;
  createdAt?: string;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  organisationId: string | null;
  organisation: (OrganisationRef & { kind: string }) | null;
  locale: Locale;
  role: PlatformRole;
  active: boolean;
  createdAt: string;
}

export interface Group {
  id: string;
  slug: string;
  name: string;
  description: string;
  visibility: Visibility;
  memberCount: number;
  myRole: GroupRole | null;
  /** `join`: not in the group, and the server's self-join rule lets the caller add themselves as a member. */
  can: { contribute: boolean; manage: boolean; join: boolean };
  createdAt: string;
}

export interface Me {
  user: User;
  groups: Group[];
}

export interface Member {
  userId: string;
  displayName: string;
  email: string;
  organisation: OrganisationRef | null;
  role: GroupRole;
  since: string;
}

export interface NotificationItem {
  id: string;
  kind: string;
  groupId: string | null;
  subjectId: string | null;
  title: string;
  body: string;
  url: string | null;
  createdAt: string;
  /** Not in the server payload yet: the list endpoint's `unread=true` tells it apart. */
  readAt?: string | null;
}

export interface NotificationList {
  items: NotificationItem[];
  unreadCount: number;
}

// ---- Channels and messages (issue 3) — ALIGN AT MERGE ----

export interface Channel {
  id: string;
  groupId: string;
  name: string;
  topic: string;
  archivedAt: string | null;
  lastSeq: number;
  unreadCount: number;
  mentionCount: number;
  /** The caller's read marker, when the server sends it (used by "jump to first unread"). */
  lastReadSeq?: number | null;
}

export interface Reaction {
  emoji: string;
  count: number;
  userIds: string[];
}

export interface AuthorRef {
  id: string;
  displayName: string;
  organisation: OrganisationRef | null;
}

export interface Message {
  id: string;
  channelId: string;
  seq: number;
  parentId: string | null;
  clientMsgId: string | null;
  author: AuthorRef;
  body: string;
  /** Server-rendered, sanitised HTML: the only HTML the client ever injects. */
  html: string;
  replyCount: number;
  lastReplyAt: string | null;
  reactions: Reaction[];
  pinned: boolean;
  editedAt: string | null;
  deletedAt: string | null;
  createdAt: string;
}

export interface MessagePage {
  messages: Message[];
  hasMore: boolean;
}

// ---- Knowledge (issue 4) — ALIGN AT MERGE ----

export type DocumentKind = 'page' | 'ci_note' | 'meeting_summary' | 'resource';
export type DocumentStatus = 'draft' | 'published';
export type ActionStatus = 'open' | 'done' | 'dropped';

export interface ActionItem {
  id?: string;
  documentId?: string;
  groupId?: string;
  description: string;
  ownerUserId: string | null;
  ownerOrganisationId: string | null;
  ownerName?: string | null;
  dueDate: string | null;
  status: ActionStatus;
}

export interface DocumentFields {
  sourceUrl?: string | null;
  publisher?: string | null;
  sourcePublishedAt?: string | null;
  relevance?: number | null;
  organisationsConcerned?: string[];
  meetingDate?: string | null;
  attendeeUserIds?: string[];
  attendeeOrganisationIds?: string[];
  decisions?: string[];
  actionItems?: ActionItem[];
  url?: string | null;
  file?: { id?: string; name: string; size: number; contentType: string; url: string } | null;
}

export interface KnowledgeDocument extends DocumentFields {
  id: string;
  groupId: string;
  kind: DocumentKind;
  title: string;
  body: string;
  html: string;
  tags: string[];
  status: DocumentStatus;
  version: number;
  parentId: string | null;
  isTemplate: boolean;
  author: AuthorRef | null;
  /** What the caller may do with this document, when the server says (hide buttons, don't guess). */
  can: { edit: boolean; delete: boolean; publish: boolean } | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  duplicateSource?: { id: string; title: string } | null;
}

export interface Revision {
  version: number;
  title: string;
  body: string;
  createdAt: string;
  author: AuthorRef | null;
}

export interface DiffLine {
  op: 'add' | 'remove' | 'same';
  text: string;
}

export interface Backlink {
  id: string;
  title: string;
  kind: DocumentKind;
}

// ---- Search (issue 5) — per ARCHITECTURE.md ----

export interface SearchHit {
  /** `document` or `message`. */
  type: string;
  /** The document kind (page, ci_note, …) or `message`. */
  kind: string;
  /** Where the hit lives in the client, when the server says. */
  url: string | null;
  id: string;
  groupId: string;
  title: string;
  /** Safe HTML with <mark>, rendered by the server. */
  snippet: string;
  score: number;
  channelId?: string | null;
  seq?: number | null;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  facets: Record<string, FacetValue[]>;
}
