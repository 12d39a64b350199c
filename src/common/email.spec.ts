import { normaliseEmail } from './email';

describe('normaliseEmail', () => {
  it('trims, lower-cases and composes to NFC', () => {
    const decomposed = '  Mike\u0301l.Etxeberria@CLUSTER.eus '; // é written as e + combining accent
    const result = normaliseEmail(decomposed);
    expect(result).toEqual({ ok: true, email: 'mik\u00e9l.etxeberria@cluster.eus' });
  });

  it.each(['ane\u200b@agency.eus', 'ane@agen\u200dcy.eus', '\ufeffane@agency.eus', 'ane\u00ad@agency.eus'])(
    'rejects the zero-width character in %j',
    (input) => {
      expect(normaliseEmail(input)).toEqual({ ok: false, reason: expect.stringContaining('invisible') });
    },
  );

  it.each(['', 'no-at-sign', 'two@@agency.eus', 'spa ce@agency.eus', 'nodot@agency', 'ctl\u0001@agency.eus'])(
    'rejects %j',
    (input) => {
      expect(normaliseEmail(input).ok).toBe(false);
    },
  );

  it('rejects addresses longer than 254 characters', () => {
    expect(normaliseEmail(`${'a'.repeat(250)}@x.eu`)).toEqual({ ok: false, reason: expect.stringContaining('254') });
  });
});
