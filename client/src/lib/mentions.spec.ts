import { insertMention, mentionAt, suggest } from './mentions';

const members = [
  { userId: '1', displayName: 'Ane Etxeberria', email: 'ane@energy.demo' },
  { userId: '2', displayName: 'Iker Mendizabal', email: 'iker@agency.demo' },
  { userId: '3', displayName: 'Íñigo Arrieta', email: 'inigo@maritime.demo' },
];

describe('@ autocomplete', () => {
  it('finds the word typed after an @ at the caret, not inside an email address', () => {
    expect(mentionAt('hello @an', 9)).toEqual({ start: 6, query: 'an' });
    expect(mentionAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionAt('write to ane@energy', 19)).toBeNull();
    expect(mentionAt('hello @ane and more', 19)).toBeNull();
  });

  it('suggests members by name, surname (ignoring accents) or email', () => {
    expect(suggest(members, 'me').map((m) => m.userId)).toEqual(['2']);
    expect(suggest(members, 'ini').map((m) => m.userId)).toEqual(['3']);
    expect(suggest(members, '').length).toBe(3);
  });

  it('inserts a token naming the member by id, never the email, and puts the caret after it', () => {
    const text = 'ping @ik please';
    const q = mentionAt(text, 8)!;
    const token = '@[Iker Mendizabal](mention:2) ';
    expect(insertMention(text, q, 8, members[1])).toEqual({ text: `ping ${token} please`, caret: 5 + token.length });
    expect(insertMention(text, q, 8, members[1]).text).not.toContain('agency.demo');
  });
});
