/**
 * What a password is, before any hashing (pure: config validation imports it too).
 *
 * A password is compared in Unicode NFC: "é" typed as one code point (most keyboards) and
 * as "e" + combining accent (macOS, some Linux input methods) is the same password. Its
 * length is counted on that form, in characters (code points), wherever a password is set.
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

export function normalisePassword(password: string): string {
  return password.normalize('NFC');
}

/** Characters (code points) of the NFC form: the length every password rule counts. */
export function passwordLength(password: string): number {
  // Nothing this long can normalise down to PASSWORD_MAX; spares normalising megabytes.
  if (password.length > PASSWORD_MAX * 8) return password.length;
  return [...normalisePassword(password)].length;
}

/** A new password's length is within the rules. */
export function passwordLengthOk(password: string): boolean {
  const n = passwordLength(password);
  return n >= PASSWORD_MIN && n <= PASSWORD_MAX;
}
