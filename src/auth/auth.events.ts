/** Emitted after a session is revoked (logout): its sockets are disconnected. */
export const SESSION_REVOKED = 'session.revoked';

export interface SessionRevokedEvent {
  sessionId: string;
  userId: string;
}

/** Emitted after a person is deactivated: all their sockets are disconnected. */
export const USER_DEACTIVATED = 'user.deactivated';

export interface UserDeactivatedEvent {
  userId: string;
}

/**
 * Emitted after a person's password changed: by themselves (every session but the one that
 * made the change, `keptSessionId`, has ended) or by an admin (all have, `keptSessionId` null).
 * The sockets opened with the ended sessions are disconnected.
 */
export const SESSIONS_REVOKED = 'sessions.revoked';

export interface SessionsRevokedEvent {
  userId: string;
  keptSessionId: string | null;
}
