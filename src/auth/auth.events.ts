import type { PlatformRole } from './actor';

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
 * Emitted after an admin changed a person's platform role: their sockets join or leave the
 * admins' room (admins receive every group's events), and a former admin's sockets leave the
 * channel rooms of groups they may no longer read.
 */
export const USER_ROLE_CHANGED = 'user.role_changed';

export interface UserRoleChangedEvent {
  userId: string;
  role: PlatformRole;
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
