import type { EntityManager } from 'typeorm';
import type { Actor } from './actor';

/** A person as sign-in sees them: who they would act as, their password hash, whether they may sign in. */
export interface Credentials {
  person: Omit<Actor, 'sessionId'>;
  passwordHash: string;
  active: boolean;
}

/*
 * The reads and writes of password hashes, the only ones. auth/ sits below users/ (users use
 * the Actor, the password hashing and the session revocation), so it reaches the users table
 * through SQL of its own, as the session lookup does, not through UsersService.
 */

/** For sign-in: by normalised email, or null when nobody has it. */
export async function credentialsByEmail(db: EntityManager, email: string): Promise<Credentials | null> {
  const rows = (await db.query(
    `SELECT id, email, display_name AS "displayName", organisation_id AS "organisationId", role,
            password_hash AS "passwordHash", active
       FROM users WHERE email = $1`,
    [email],
  )) as Array<Omit<Actor, 'sessionId'> & { passwordHash: string; active: boolean }>;
  const row = rows[0];
  if (!row) return null;
  const { passwordHash, active, ...person } = row;
  return { person, passwordHash, active };
}

/** For checking a password change: the person's stored hash, or null when there is no such person. */
export async function passwordHashOf(db: EntityManager, userId: string): Promise<string | null> {
  const rows = (await db.query('SELECT password_hash AS "passwordHash" FROM users WHERE id = $1', [userId])) as Array<{
    passwordHash: string;
  }>;
  return rows[0]?.passwordHash ?? null;
}

/**
 * Replaces a hash made before passwords were normalised (see password.ts), once a sign-in has
 * proven the password. Only if it is still that hash: a password change made meanwhile wins.
 */
export async function replaceStaleHash(db: EntityManager, userId: string, staleHash: string, freshHash: string) {
  await db.query('UPDATE users SET password_hash = $1 WHERE id = $2 AND password_hash = $3', [
    freshHash,
    userId,
    staleHash,
  ]);
}
