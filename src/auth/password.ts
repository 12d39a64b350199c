import { Algorithm, hash, verify } from '@node-rs/argon2';
import { normalisePassword } from '../common/password-rules';

export { PASSWORD_MAX, PASSWORD_MIN } from '../common/password-rules';

/** OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane. */
const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Every password is hashed in NFC (see common/password-rules.ts). */
export function hashPassword(password: string): Promise<string> {
  return hash(normalisePassword(password), ARGON2);
}

/**
 * `match`: the typed password is the stored one. `stale`: it is, but the stored hash was made
 * from a form other than NFC (before passwords were normalised), so it should be replaced by
 * `hashPassword(typed)` now that we know the password.
 */
export type PasswordCheck = 'match' | 'stale' | 'mismatch';

/**
 * Hashes made before normalisation hold whatever form the keyboard sent. So the NFC form is
 * tried first (every hash made since), then the form as typed, then NFD (an old hash from a
 * decomposing keyboard, typed now on a composing one). Each form is canonically the same
 * password, so accepting any of them widens nothing. For ASCII (and any text whose forms
 * coincide) this is one verification; otherwise at most three, bounded by the sign-in limit.
 */
export async function checkPassword(passwordHash: string, typed: string): Promise<PasswordCheck> {
  const nfc = normalisePassword(typed);
  if (await verifies(passwordHash, nfc)) return 'match';
  for (const legacy of new Set([typed, typed.normalize('NFD')])) {
    if (legacy !== nfc && (await verifies(passwordHash, legacy))) return 'stale';
  }
  return 'mismatch';
}

async function verifies(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

/** Checked against when the account does not exist, so timing does not reveal which emails are registered. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy-password-never-matches');
  return decoy;
}
