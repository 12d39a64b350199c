import type { PlatformRole } from './actor';

/** A session was revoked (logout): its sockets are disconnected. */
export interface SessionRevoked {
  sessionId: string;
  userId: string;
}

/** A person was deactivated: all their sockets are disconnected. */
export interface UserDeactivated {
  userId: string;
}

/**
 * An admin changed a person's platform role: their sockets join or leave the admins' room
 * (admins receive every group's events), and a former admin's sockets leave the channel rooms
 * of groups they may no longer read.
 */
export interface UserRoleChanged {
  userId: string;
  role: PlatformRole;
}

/**
 * A person's password changed: by themselves (every session but the one that made the
 * change, `keptSessionId`, has ended) or by an admin (all have, `keptSessionId` null). The
 * sockets opened with the ended sessions are disconnected.
 */
export interface SessionsRevoked {
  userId: string;
  keptSessionId: string | null;
}

declare module '../domain-events/domain-event-map' {
  interface DomainEventMap {
    'session.revoked': SessionRevoked;
    'user.deactivated': UserDeactivated;
    'user.roleChanged': UserRoleChanged;
    'sessions.revoked': SessionsRevoked;
  }
}
