/**
 * The realtime contract: typed socket.io event maps shared by the server and the web client
 * (the client imports them type-only through src/contract). Events stay thin: ids plus what
 * changed; clients refetch over REST when they need more, so access checks stay on the REST path.
 *
 * Each feature adds its own events to these maps, beside its payload types, by declaration
 * merging (`declare module '../realtime/events'` in channels/*.view.ts, documents/document.view.ts,
 * notifications/notification.view.ts), so realtime/ imports no feature. Payloads are built as
 * JSON already (ISO strings, no `Date`).
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
/**
 * Why the server is about to disconnect a socket for good: its session is over. A socket
 * disconnected without this (a restart, a deploy) should reconnect.
 */
export type SessionEndedReason = 'logout' | 'deactivated' | 'password_changed' | 'expired';
export interface SessionEndedPayload {
  reason: SessionEndedReason;
}

/** Client → server events; the last argument is always the ack callback. Features add theirs. */
export interface ClientToServerEvents {
  'presence:get': (payload: PresenceRequest, ack: AckCallback<PresenceResult>) => void;
}

/** Server → client events. Features add theirs. */
export interface ServerToClientEvents {
  presence: (payload: PresencePayload) => void;
  /** The reader lost access to a group: its rooms were left; rejoin channels if still allowed. */
  'access:revoked': (payload: AccessRevokedPayload) => void;
  /** Sent just before the server disconnects a socket whose session ended: do not reconnect. */
  'session:ended': (payload: SessionEndedPayload) => void;
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
