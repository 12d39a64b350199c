/**
 * Channel events as the client uses them (issue 3), written to match docs/REALTIME.md of the
 * realtime branch. The server's typed map in src/realtime/events.ts grows these on that branch;
 * ALIGN AT MERGE: replace these declarations with imports from '@server-realtime/events'
 * (payload names there: MessageView, ChannelJoinResult, PresencePayload, …).
 */
import type {
  Ack,
  DocumentPublishedPayload,
  NotificationPayload,
  ServerToClientEvents as ServerEventsSoFar,
} from '@server-realtime/events';

export type { Ack, DocumentPublishedPayload, NotificationPayload };

/** Message payloads are read through `toMessage` (api/normalize.ts), so they stay `unknown` here. */
export interface MessageDeletedPayload {
  messageId?: string;
  id?: string;
  channelId: string;
  deletedAt?: string;
}

export interface ReactionUpdatedPayload {
  messageId: string;
  channelId: string;
  reactions: unknown;
}

export interface TypingPayload {
  channelId: string;
  userId: string;
  displayName?: string;
}

export interface PresencePayload {
  groupId: string;
  /** Who is online in the group now. */
  online: string[];
}

export interface ChannelActivityPayload {
  channelId: string;
  groupId: string;
  lastSeq: number;
}

export interface ChannelReadPayload {
  channelId: string;
  lastReadSeq: number;
}

export interface ChannelServerEvents {
  'message:new': (payload: unknown) => void;
  'message:updated': (payload: unknown) => void;
  'message:deleted': (payload: MessageDeletedPayload) => void;
  'reaction:updated': (payload: ReactionUpdatedPayload) => void;
  typing: (payload: TypingPayload) => void;
  presence: (payload: PresencePayload) => void;
  'channel:created': (payload: { groupId: string }) => void;
  'channel:updated': (payload: { groupId: string }) => void;
  'channel:activity': (payload: ChannelActivityPayload) => void;
  'channel:read': (payload: ChannelReadPayload) => void;
  'access:revoked': (payload: { groupId: string }) => void;
}

export type ServerToClientEvents = ServerEventsSoFar & ChannelServerEvents;

export interface JoinAck {
  missed: unknown[];
  lastSeq: number;
  hasMore?: boolean;
}

export interface ClientToServerEvents {
  'channel:join': (p: { channelId: string; afterSeq?: number }, ack: (a: Ack<JoinAck>) => void) => void;
  'channel:leave': (p: { channelId: string }, ack: (a: Ack) => void) => void;
  'message:send': (
    p: { channelId: string; body: string; parentId?: string; clientMsgId: string },
    ack: (a: Ack<{ message: unknown }>) => void,
  ) => void;
  'message:edit': (p: { messageId: string; body: string }, ack: (a: Ack<{ message?: unknown }>) => void) => void;
  'message:delete': (p: { messageId: string }, ack: (a: Ack) => void) => void;
  'message:pin': (p: { messageId: string; pinned: boolean }, ack: (a: Ack) => void) => void;
  'reaction:toggle': (
    p: { messageId: string; emoji: string },
    ack: (a: Ack<{ messageId: string; reactions: unknown }>) => void,
  ) => void;
  typing: (p: { channelId: string }) => void;
  read: (p: { channelId: string; seq: number }, ack?: (a: Ack) => void) => void;
  'presence:get': (p: { groupId: string }, ack: (a: Ack<{ groupId: string; online: string[] }>) => void) => void;
}
