import { hash, randomBytes } from 'node:crypto';

/** Session tokens are 256 random bits; only their SHA-256 is stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Runs on every request (the session cache is keyed by it): the one-shot `hash` costs a third of `createHash`. */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}
