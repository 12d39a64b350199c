/**
 * Channel events as the client expects them (issue 3). The server's typed map in
 * src/realtime/events.ts will grow these; until then they are declared here.
 * ALIGN AT MERGE: replace these declarations with imports from '@server-realtime/events'.
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
  userIds?: string[];
  online?: string[];
}

export interface ChannelServerEvents {
  'message:new': (payload: unknown) => void;
  'message:updated': (payload: unknown) => void;
  'message:deleted': (payload: MessageDeletedPayload) => void;
  'reaction:updated': (payload: ReactionUpdatedPayload) => void;
  typing: (payload: TypingPayload) => void;
  presence: (payload: PresencePayload) => void;
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
  'reaction:toggle': (p: { messageId: string; emoji: string }, ack: (a: Ack<{ reactions?: unknown }>) => void) => void;
  typing: (p: { channelId: string }) => void;
  read: (p: { channelId: string; seq: number }, ack?: (a: Ack) => void) => void;
  'presence:watch': (p: { groupId: string }, ack: (a: Ack<{ userIds?: string[] }>) => void) => void;
}
