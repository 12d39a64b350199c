import { Algorithm, hash, verify } from '@node-rs/argon2';
import { checkPassword, hashPassword } from './password';
import { normalisePassword, passwordLength, passwordLengthOk } from '../common/password-rules';

const COMPOSED = 'P\u00e1sahitza-\u00f1'; // á and ñ as one code point each
const DECOMPOSED = COMPOSED.normalize('NFD'); // a + U+0301, n + U+0303
/** As passwords were hashed before they were normalised: the raw input. */
const legacyHash = (raw: string) => hash(raw, { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2 });

describe('password rules', () => {
  it('count characters of the NFC form', () => {
    expect(DECOMPOSED.length).toBe(COMPOSED.length + 2);
    expect(passwordLength(DECOMPOSED)).toBe(passwordLength(COMPOSED));
    expect(normalisePassword(DECOMPOSED)).toBe(COMPOSED);
    expect(passwordLength('\u{1F511}'.repeat(8))).toBe(8); // a key emoji is one character, two UTF-16 units
  });

  it('a new password is 8 to 256 characters', () => {
    const sevenAccented = '\u00e1\u00e9\u00ed\u00f3\u00fa\u00f1\u00fc';
    expect(passwordLengthOk(sevenAccented.normalize('NFD'))).toBe(false); // 14 units, 7 characters
    expect(passwordLengthOk(`${sevenAccented}x`.normalize('NFD'))).toBe(true);
    expect(passwordLengthOk('\u00e9'.repeat(256).normalize('NFD'))).toBe(true); // 512 units, 256 characters
    expect(passwordLengthOk('e'.repeat(257))).toBe(false);
  });
});

describe('hashPassword and checkPassword', () => {
  it('hash the NFC form, so either form typed matches', async () => {
    const stored = await hashPassword(DECOMPOSED);
    expect(await verify(stored, COMPOSED)).toBe(true);
    expect(await checkPassword(stored, COMPOSED)).toBe('match');
    expect(await checkPassword(stored, DECOMPOSED)).toBe('match');
    expect(await checkPassword(stored, 'P\u00e1sahitza-n')).toBe('mismatch');
  });

  it('accept an old hash of a decomposed password, typed either way, and say it is stale', async () => {
    const stored = await legacyHash(DECOMPOSED);
    expect(await checkPassword(stored, DECOMPOSED)).toBe('stale');
    expect(await checkPassword(stored, COMPOSED)).toBe('stale');
    expect(await checkPassword(stored, 'wrong-password')).toBe('mismatch');
  });

  it('an old hash of an ASCII password is already its NFC hash', async () => {
    expect(await checkPassword(await legacyHash('plain-ascii-1'), 'plain-ascii-1')).toBe('match');
  });

  it('never matches a malformed stored hash', async () => {
    expect(await checkPassword('not-a-hash', 'anything-at-all')).toBe('mismatch');
  });
});
