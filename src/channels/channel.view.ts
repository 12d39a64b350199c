/**
 * Channels as the API and the socket events show them: part of the contract the client imports
 * (src/contract). Pure types; dates are ISO strings.
 */
import type { MessageView } from './message.view';
import type { AckCallback } from '../realtime/events';

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

/** A channel as its reader sees it over REST. */
export interface ChannelView extends ChannelInfo {
  /** For the caller: the last seq they marked read, messages after it (not their own), mentions of them after it. */
  lastReadSeq: number;
  unreadCount: number;
  mentionCount: number;
}

// ---------------------------------------------------------------- socket payloads

export interface ChannelRef {
  channelId: string;
}
export interface ChannelJoinRequest {
  channelId: string;
  /** The last seq the client saw; missing (or null) means "send nothing, just subscribe". */
  afterSeq?: number | null;
}
export interface ChannelJoinResult {
  channelId: string;
  /** Messages with seq > afterSeq in seq order, at most 500; page on with REST when hasMore. */
  missed: MessageView[];
  lastSeq: number;
  hasMore: boolean;
}
export interface ReadRequest {
  channelId: string;
  seq: number;
}
/** The answer to `read` (socket) and `POST /channels/:channelId/read`. */
export interface ReadResult {
  channelId: string;
  lastReadSeq: number;
}
/** The answer to `typing`: false when it came too soon after the last one and was not relayed. */
export interface TypingResult {
  relayed: boolean;
}
export interface TypingPayload {
  channelId: string;
  userId: string;
  displayName: string;
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

declare module '../realtime/events' {
  interface ClientToServerEvents {
    'channel:join': (payload: ChannelJoinRequest, ack: AckCallback<ChannelJoinResult>) => void;
    'channel:leave': (payload: ChannelRef, ack: AckCallback) => void;
    typing: (payload: ChannelRef, ack?: AckCallback<TypingResult>) => void;
    read: (payload: ReadRequest, ack: AckCallback<ReadResult>) => void;
  }
  interface ServerToClientEvents {
    typing: (payload: TypingPayload) => void;
    'channel:created': (payload: ChannelInfo) => void;
    'channel:updated': (payload: ChannelInfo) => void;
    'channel:activity': (payload: ChannelActivityPayload) => void;
    /** To the reader's own sockets (other tabs), so unread badges agree. */
    'channel:read': (payload: ChannelReadPayload) => void;
  }
}
