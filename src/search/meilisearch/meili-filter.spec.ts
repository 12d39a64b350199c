import { buildMeiliFilter, documentKey, inList, quote } from './meili-filter';

describe('Meilisearch filter building', () => {
  it.each([
    ['plain', '"plain"'],
    ['with space', '"with space"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['\\"', '"\\\\\\""'],
    ['a OR b', '"a OR b"'],
    ['x" OR groupId = "evil', '"x\\" OR groupId = \\"evil"'],
    ['hidrógeno 🚀', '"hidrógeno 🚀"'],
    ['] OR [', '"] OR ["'],
  ])('quotes %j as %s', (value, expected) => {
    expect(quote(value)).toBe(expected);
  });

  it('keeps an injected OR inside its string', () => {
    const filter = buildMeiliFilter({ groupIds: ['g1'], tags: ['x" OR deleted = true OR tags = "y'] });
    expect(filter).toBe('deleted = false AND groupId IN ["g1"] AND tags = "x\\" OR deleted = true OR tags = \\"y"');
    // Every quote that is not escaped is a string delimiter: exactly two per quoted value here.
    const unescaped = filter.match(/(?<!\\)"/g) ?? [];
    expect(unescaped).toHaveLength(4);
  });

  it('always restricts to the readable groups and live documents', () => {
    expect(buildMeiliFilter({ groupIds: ['a', 'b'] })).toBe('deleted = false AND groupId IN ["a", "b"]');
    expect(() => buildMeiliFilter({ groupIds: [] })).toThrow('at least one readable group');
  });

  it('adds every typed filter', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    const to = new Date('2026-12-31T00:00:00Z');
    expect(
      buildMeiliFilter({
        groupIds: ['g'],
        kinds: ['ci_note', 'page'],
        tags: ['hydrogen', 'battery recycling'],
        groupId: 'g',
        authorId: 'u',
        organisationId: 'o',
        from,
        to,
      }),
    ).toBe(
      'deleted = false AND groupId IN ["g"] AND kind IN ["ci_note", "page"] AND tags = "hydrogen" AND tags = "battery recycling" AND groupId = "g" AND authorId = "u" AND organisationId = "o" AND ' +
        `createdAt >= ${from.getTime()} AND createdAt <= ${to.getTime()}`,
    );
  });

  it('builds ids Meilisearch accepts', () => {
    expect(documentKey('document', '0b6c2a4e-1f1e-4c1a-9e1a-2b2b2b2b2b2b')).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(inList('kind', [])).toBe('kind IN []');
  });
});
