/**
 * The realtime contract: typed socket.io event maps shared by the server and the web client
 * (the client imports this file). Events stay thin: ids plus what changed; clients refetch
 * over REST when they need more, so access checks stay on the REST path.
 *
 * Pure types only — no runtime imports — so the browser bundle can import it.
 */
export interface SocketError {
  code: string;
  message: string;
}

export type Ack<T = Record<string, never>> = ({ ok: true } & T) | { ok: false; error: SocketError };

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

/** Server → client events that are not about channels (channels add theirs in issue 3). */
export interface ServerToClientEvents {
  'document:published': (payload: DocumentPublishedPayload) => void;
  'notification:new': (payload: NotificationPayload) => void;
}

/** Socket.io room names, in one place so publisher and gateway agree. */
export const rooms = {
  user: (userId: string): string => `user:${userId}`,
  group: (groupId: string): string => `group:${groupId}`,
  channel: (channelId: string): string => `channel:${channelId}`,
};
