/**
 * The realtime contract: typed socket.io event maps shared by the server and the web client
 * (the client imports this file). Events stay thin: ids plus what changed; clients refetch
 * over REST when they need more, so access checks stay on the REST path.
 *
 * Pure types only — no runtime imports — so the browser bundle can import it.
 * The protocol is described for people in docs/REALTIME.md.
 */
export type SocketErrorCode =
  | 'unauthenticated'
  | 'not_found'
  | 'forbidden'
  | 'validation_failed'
  | 'payload_too_large'
  | 'rate_limited'
  | 'conflict'
  | 'internal';

export interface SocketError {
  code: SocketErrorCode | string;
  message: string;
}

export type Ack<T = Record<string, never>> = ({ ok: true } & T) | { ok: false; error: SocketError };
export type AckCallback<T = Record<string, never>> = (response: Ack<T>) => void;

export interface NotificationPayload {
  id: string;
  kind: string;
  groupId: string | null;
  subjectId: string | null;
  title: string;
  body: string;
  url: string | null;
  createdAt: string;
}

export interface DocumentPublishedPayload {
  documentId: string;
  groupId: string;
  kind: string;
  title: string;
  publishedBy: string;
  publishedAt: string;
}

// ---------------------------------------------------------------- channels and messages

export interface ReactionSummary {
  emoji: string;
  count: number;
  userIds: string[];
}

/** A message as every API and event shows it. A deleted message is a tombstone: body and html are empty. */
export interface MessageView {
  id: string;
  channelId: string;
  groupId: string;
  seq: number;
  authorId: string;
  authorName: string;
  clientMsgId: string | null;
  /** Markdown source, as written. */
  body: string;
  /** Safe HTML rendered by the server; the client shows only this. */
  html: string;
  parentId: string | null;
  replyCount: number;
  lastReplyAt: string | null;
  mentions: string[];
  reactions: ReactionSummary[];
  /** Starts at 1 and grows with every edit or delete (also the search outbox version). */
  version: number;
  editedAt: string | null;
  deleted: boolean;
  deletedAt: string | null;
  pinnedAt: string | null;
  pinnedBy: string | null;
  createdAt: string;
}

/** A channel as broadcast to a group (no per-reader fields). */
export interface ChannelInfo {
  id: string;
  groupId: string;
  name: string;
  topic: string;
  archivedAt: string | null;
  lastSeq: number;
  createdAt: string;
}

export interface ChannelView extends ChannelInfo {
  /** For the caller: the last seq they marked read, messages after it (not their own), mentions of them after it. */
  lastReadSeq: number;
  unreadCount: number;
  mentionCount: number;
}

export interface ChannelJoinRequest {
  channelId: string;
  /** The last seq the client saw; missing means "send nothing, just subscribe". */
  afterSeq?: number;
}
export interface ChannelJoinResult {
  channelId: string;
  /** Messages with seq > afterSeq in seq order, at most 500; page on with REST when hasMore. */
  missed: MessageView[];
  lastSeq: number;
  hasMore: boolean;
}
export interface MessageSendRequest {
  channelId: string;
  body: string;
  parentId?: string | null;
  /** A client-generated UUID: resending it returns the original message and never duplicates. */
  clientMsgId: string;
}
export interface MessageResult {
  message: MessageView;
}
export interface ReactionResult {
  messageId: string;
  reactions: ReactionSummary[];
}
export interface ReadResult {
  channelId: string;
  lastReadSeq: number;
}
export interface PresenceResult {
  groupId: string;
  online: string[];
}

export interface MessageDeletedPayload {
  messageId: string;
  channelId: string;
  seq: number;
  message: MessageView;
}
export interface ReactionUpdatedPayload {
  messageId: string;
  channelId: string;
  reactions: ReactionSummary[];
}
export interface TypingPayload {
  channelId: string;
  userId: string;
  displayName: string;
}
export interface PresencePayload {
  groupId: string;
  /** Ids of the group's members who have at least one connected socket, on any process. */
  online: string[];
}
/** Channels of a group that received messages: the latest seq of each (coalesced, at most once a second). */
export interface ChannelActivityPayload {
  groupId: string;
  channels: Array<{ channelId: string; lastSeq: number }>;
}
export interface ChannelReadPayload {
  channelId: string;
  lastReadSeq: number;
}
export interface AccessRevokedPayload {
  groupId: string;
}

/** Client → server events; the last argument is always the ack callback. */
export interface ClientToServerEvents {
  'channel:join': (payload: ChannelJoinRequest, ack: AckCallback<ChannelJoinResult>) => void;
  'channel:leave': (payload: { channelId: string }, ack: AckCallback) => void;
  'message:send': (payload: MessageSendRequest, ack: AckCallback<MessageResult>) => void;
  'message:edit': (payload: { messageId: string; body: string }, ack: AckCallback<MessageResult>) => void;
  'message:delete': (payload: { messageId: string }, ack: AckCallback<MessageResult>) => void;
  'message:pin': (payload: { messageId: string; pinned: boolean }, ack: AckCallback<MessageResult>) => void;
  'reaction:toggle': (payload: { messageId: string; emoji: string }, ack: AckCallback<ReactionResult>) => void;
  typing: (payload: { channelId: string }, ack?: AckCallback) => void;
  read: (payload: { channelId: string; seq: number }, ack: AckCallback<ReadResult>) => void;
  'presence:get': (payload: { groupId: string }, ack: AckCallback<PresenceResult>) => void;
}

/** Server → client events. */
export interface ServerToClientEvents {
  'document:published': (payload: DocumentPublishedPayload) => void;
  'notification:new': (payload: NotificationPayload) => void;
  'message:new': (payload: MessageView) => void;
  'message:updated': (payload: MessageView) => void;
  'message:deleted': (payload: MessageDeletedPayload) => void;
  'reaction:updated': (payload: ReactionUpdatedPayload) => void;
  typing: (payload: TypingPayload) => void;
  presence: (payload: PresencePayload) => void;
  'channel:created': (payload: ChannelInfo) => void;
  'channel:updated': (payload: ChannelInfo) => void;
  'channel:activity': (payload: ChannelActivityPayload) => void;
  /** To the reader's own sockets (other tabs), so unread badges agree. */
  'channel:read': (payload: ChannelReadPayload) => void;
  /** The reader lost access to a group: its rooms were left; rejoin channels if still allowed. */
  'access:revoked': (payload: AccessRevokedPayload) => void;
}

/** Socket.io room names, in one place so publisher and gateway agree. */
export const rooms = {
  user: (userId: string): string => `user:${userId}`,
  group: (groupId: string): string => `group:${groupId}`,
  channel: (channelId: string): string => `channel:${channelId}`,
  session: (sessionId: string): string => `session:${sessionId}`,
  /** Every admin's sockets. */
  admins: (): string => 'admins',
  /**
   * Who receives a group's events: its members (the group room) and every admin, who may
   * read every group (`decide` in groups/access.ts) whether or not they are a member. One
   * emit to both rooms reaches a socket in both once.
   */
  groupAudience: (groupId: string): string[] => [rooms.group(groupId), rooms.admins()],
};
