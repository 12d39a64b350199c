/**
 * The realtime contract: typed socket.io event maps shared by the server and the web client
 * (the client imports them type-only through src/contract). Events stay thin: ids plus what
 * changed; clients refetch over REST when they need more, so access checks stay on the REST path.
 *
 * Each payload is owned by its feature (channels/*.view.ts, documents/document.view.ts,
 * notifications/notification.view.ts); this file only names them, type-only, so realtime/
 * still runs no feature code. Payloads are built as JSON already (ISO strings, no `Date`).
 * The protocol is described for people in docs/REALTIME.md.
 */
import type {
  ChannelActivityPayload,
  ChannelInfo,
  ChannelJoinRequest,
  ChannelJoinResult,
  ChannelReadPayload,
  ChannelRef,
  ReadRequest,
  ReadResult,
  TypingPayload,
} from '../channels/channel.view';
import type {
  MessageDeletedPayload,
  MessageEditRequest,
  MessagePinRequest,
  MessageRef,
  MessageResult,
  MessageSendRequest,
  MessageView,
  ReactionResult,
  ReactionToggleRequest,
  ReactionUpdatedPayload,
} from '../channels/message.view';
import type { DocumentPublishedPayload } from '../documents/document.view';
import type { NotificationView } from '../notifications/notification.view';

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

export interface PresenceRequest {
  groupId: string;
}
export interface PresenceResult {
  groupId: string;
  online: string[];
}
export interface PresencePayload {
  groupId: string;
  /** Ids of the group's members who have at least one connected socket, on any process. */
  online: string[];
}
export interface AccessRevokedPayload {
  groupId: string;
}

/** Client → server events; the last argument is always the ack callback. */
export interface ClientToServerEvents {
  'channel:join': (payload: ChannelJoinRequest, ack: AckCallback<ChannelJoinResult>) => void;
  'channel:leave': (payload: ChannelRef, ack: AckCallback) => void;
  'message:send': (payload: MessageSendRequest, ack: AckCallback<MessageResult>) => void;
  'message:edit': (payload: MessageEditRequest, ack: AckCallback<MessageResult>) => void;
  'message:delete': (payload: MessageRef, ack: AckCallback<MessageResult>) => void;
  'message:pin': (payload: MessagePinRequest, ack: AckCallback<MessageResult>) => void;
  'reaction:toggle': (payload: ReactionToggleRequest, ack: AckCallback<ReactionResult>) => void;
  typing: (payload: ChannelRef, ack?: AckCallback) => void;
  read: (payload: ReadRequest, ack: AckCallback<ReadResult>) => void;
  'presence:get': (payload: PresenceRequest, ack: AckCallback<PresenceResult>) => void;
}

/** Server → client events. */
export interface ServerToClientEvents {
  'document:published': (payload: DocumentPublishedPayload) => void;
  'notification:new': (payload: NotificationView) => void;
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
};
