/**
 * Messages as the API and the socket events show them: part of the contract the client imports
 * (src/contract). Pure types, built as JSON (dates are ISO strings) by message.mapper.ts.
 */
import type { AckCallback } from '../realtime/events';

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

/** `GET /channels/:channelId/messages`. */
export interface HistoryPage {
  messages: MessageView[];
  lastSeq: number;
  /** More messages exist in the direction asked (older for beforeSeq/latest, newer for afterSeq). */
  hasMore: boolean;
  /** Only with `aroundSeq` (where `hasMore` means older ones): newer messages exist after the page. */
  hasMoreAfter?: boolean;
}

/** `GET /messages/:messageId/thread`. */
export interface ThreadView {
  root: MessageView;
  replies: MessageView[];
}

/** `GET /messages/:messageId/edits`: earlier versions of a message. */
export interface EditHistoryEntry {
  version: number;
  body: string;
  html: string;
  replacedAt: string;
}

// ---------------------------------------------------------------- socket payloads

export interface MessageSendRequest {
  channelId: string;
  body: string;
  parentId?: string | null;
  /** A client-generated UUID: resending it returns the original message and never duplicates. */
  clientMsgId: string;
}
export interface MessageEditRequest {
  messageId: string;
  body: string;
}
export interface MessageRef {
  messageId: string;
}
export interface MessagePinRequest {
  messageId: string;
  pinned: boolean;
}
export interface ReactionToggleRequest {
  messageId: string;
  emoji: string;
}
export interface MessageResult {
  message: MessageView;
}
export interface ReactionResult {
  messageId: string;
  reactions: ReactionSummary[];
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

declare module '../realtime/events' {
  interface ClientToServerEvents {
    'message:send': (payload: MessageSendRequest, ack: AckCallback<MessageResult>) => void;
    'message:edit': (payload: MessageEditRequest, ack: AckCallback<MessageResult>) => void;
    'message:delete': (payload: MessageRef, ack: AckCallback<MessageResult>) => void;
    'message:pin': (payload: MessagePinRequest, ack: AckCallback<MessageResult>) => void;
    'reaction:toggle': (payload: ReactionToggleRequest, ack: AckCallback<ReactionResult>) => void;
  }
  interface ServerToClientEvents {
    'message:new': (payload: MessageView) => void;
    'message:updated': (payload: MessageView) => void;
    'message:deleted': (payload: MessageDeletedPayload) => void;
    'reaction:updated': (payload: ReactionUpdatedPayload) => void;
  }
}
