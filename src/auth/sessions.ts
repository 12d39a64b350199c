import type { EntityManager } from 'typeorm';

/**
 * Ends a person's sessions inside the caller's transaction, all of them or all but `kept`
 * (the session that changed its own password). The caller announces the person's 'user'
 * invalidation in the same transaction, so every process drops their cached sessions, and
 * emits SESSIONS_REVOKED after the commit, so their sockets are disconnected.
 */
export async function revokeSessions(manager: EntityManager, userId: string, kept: string | null): Promise<void> {
  await manager.query(
    `UPDATE sessions SET revoked_at = now()
      WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)`,
    [userId, kept],
  );
}
