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
