/** Characters that render as nothing and let two addresses look the same. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\u00AD]/;

export type EmailCheck = { ok: true; email: string } | { ok: false; reason: string };

/**
 * The one normalisation of email addresses: trimmed, NFC, lower-cased. Addresses with
 * invisible characters are refused rather than silently cleaned, so nobody can register a
 * look-alike of another person's address.
 */
export function normaliseEmail(input: string): EmailCheck {
  if (INVISIBLE.test(input)) return { ok: false, reason: 'must not contain invisible (zero-width) characters' };
  const email = input.trim().normalize('NFC').toLowerCase();
  if (email.length > 254) return { ok: false, reason: 'must be at most 254 characters' };
  // Deliberately simple: one @, a non-empty local part, a dotted domain, no spaces or controls.
  if (!/^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u.test(email))
    return { ok: false, reason: 'must be an email address' };
  return { ok: true, email };
}
