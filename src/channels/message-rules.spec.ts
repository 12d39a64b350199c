import { AppError } from '../common/errors';
import { checkBody, checkEmoji, findMentions } from './message-rules';

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof AppError ? e.code : 'other';
  }
};

describe('message body rules', () => {
  it('accepts 1 to 10,000 characters, counting an emoji once', () => {
    expect(checkBody('x')).toBe('x');
    expect(checkBody('a'.repeat(10_000))).toHaveLength(10_000);
    expect(checkBody('😀'.repeat(10_000))).toHaveLength(20_000);
  });

  it('refuses an empty, a too long or a malformed body with a clear code', () => {
    expect(codeOf(() => checkBody(''))).toBe('validation_failed');
    expect(codeOf(() => checkBody('  \n '))).toBe('validation_failed');
    expect(codeOf(() => checkBody('a'.repeat(10_001)))).toBe('payload_too_large');
    expect(codeOf(() => checkBody('nul\u0000byte'))).toBe('validation_failed');
    expect(codeOf(() => checkBody('lone \uD800 surrogate'))).toBe('validation_failed');
    expect(codeOf(() => checkBody('bell\u0007'))).toBe('validation_failed');
    expect(codeOf(() => checkBody(42))).toBe('validation_failed');
    expect(checkBody('tab\tand\nnewline')).toBe('tab\tand\nnewline');
  });
});

describe('reaction emoji', () => {
  it('accepts one emoji or a shortcode', () => {
    for (const e of ['👍', '❤️', '🎉', '👍🏽', '🇪🇺', '👩‍💻', '+1', 'tada']) expect(checkEmoji(e)).toBe(e);
  });
  it('refuses text, several emoji and markup', () => {
    for (const e of ['a', '👍👍', '<b>', '', 'heartbreak', 'x'.repeat(40)]) {
      expect(codeOf(() => checkEmoji(e))).toBe('validation_failed');
    }
  });
});

describe('mentions', () => {
  const members = [
    { userId: 'ane', displayName: 'Ane Arrieta', email: 'ane@energy.demo' },
    { userId: 'jon', displayName: 'Jon', email: 'jon@agency.demo' },
  ];
  it('resolves display names and emails, case-insensitively', () => {
    expect(findMentions('hi @ane arrieta, see this', members)).toEqual(['ane']);
    expect(findMentions('cc @jon@agency.demo.', members)).toEqual(['jon']);
    expect(findMentions('@Jon and @Ane Arrieta', members).sort()).toEqual(['ane', 'jon']);
  });
  it('ignores partial names, emails in text and code', () => {
    expect(findMentions('@Jonathan said', members)).toEqual([]);
    expect(findMentions('mail jon@agency.demo', members)).toEqual([]);
    expect(findMentions('`@Jon` and ```\n@Ane Arrieta\n```', members)).toEqual([]);
  });
  it('resolves the composer’s tokens by id, members only, not in code', () => {
    const ane = '0b9c6a52-3f1e-4c1a-9a57-2f1d7c0e8a11';
    const other = '7d4e2b10-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
    const byId = [{ userId: ane, displayName: 'Ane Arrieta', email: 'ane@energy.demo' }];
    expect(findMentions(`thanks @[Ane Arrieta](mention:${ane}) !`, byId)).toEqual([ane]);
    expect(findMentions(`@[Whoever](mention:${ane})`, byId)).toEqual([ane]); // the id decides, not the label
    expect(findMentions(`@[Stranger](mention:${other})`, byId)).toEqual([]);
    expect(findMentions(`\`@[Ane Arrieta](mention:${ane})\``, byId)).toEqual([]);
  });
});
