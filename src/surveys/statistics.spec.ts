import { MIN_CELL, rate, summarise, suppressedCells } from './statistics';

const ratings = (...values: number[]) => values.map((rating) => ({ rating, choices: null, text: null }));

describe('summarise', () => {
  it('counts a rating distribution, its mean and the share rating 4–5', () => {
    const s = summarise('rating', [], ratings(5, 5, 5, 4, 4, 4, 4, 5, 4, 3));
    expect(s.responses).toBe(10);
    expect(s.distribution.map((d) => d.count)).toEqual([0, 0, 1, 5, 4]);
    expect(s.distribution[3]).toEqual({ value: '4', count: 5, share: 0.5 });
    expect(s.mean).toBe(4.3);
    expect(s.share45).toBe(0.9);
  });

  it('rounds shares to four decimals and means to two', () => {
    const s = summarise('rating', [], ratings(1, 4, 5));
    expect(s.share45).toBe(0.6667);
    expect(s.mean).toBe(3.33);
  });

  it('reports no mean or share for a question without answers', () => {
    const s = summarise('rating', [], []);
    expect(s).toMatchObject({ responses: 0, mean: null, share45: null });
    expect(s.distribution.every((d) => d.count === 0 && d.share === null)).toBe(true);
  });

  it('counts each option of a multiple-choice question against the respondents', () => {
    const answers = [{ choices: ['a', 'b'] }, { choices: ['b'] }].map((a) => ({ ...a, rating: null, text: null }));
    const s = summarise('multiple_choice', ['a', 'b', 'c'], answers);
    expect(s.distribution).toEqual([
      { value: 'a', count: 1, share: 0.5 },
      { value: 'b', count: 2, share: 1 },
      { value: 'c', count: 0, share: 0 },
    ]);
    expect(s.mean).toBeNull();
  });
});

describe('rate', () => {
  it('is null when nobody was invited', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(10, 17)).toBe(0.5882);
  });
});

describe('suppressedCells', () => {
  it(`hides cells under ${MIN_CELL} respondents`, () => {
    const hidden = suppressedCells([
      { value: 'energy', respondents: 2 },
      { value: 'health', respondents: 1 },
      { value: 'food', respondents: 5 },
    ]);
    expect([...hidden].sort()).toEqual(['energy', 'health']);
  });

  it('hides a second cell when only one would be hidden, so totals cannot reveal it', () => {
    const hidden = suppressedCells([
      { value: 'agency', respondents: 1 },
      { value: 'cluster_association', respondents: 9 },
      { value: 'academia', respondents: 4 },
    ]);
    expect([...hidden].sort()).toEqual(['academia', 'agency']);
  });

  it('shows every cell at the threshold', () => {
    expect(
      suppressedCells([
        { value: 'a', respondents: 3 },
        { value: 'b', respondents: 3 },
      ]).size,
    ).toBe(0);
  });

  it('hides a lone small cell even when there is nothing to pair it with', () => {
    expect([...suppressedCells([{ value: 'a', respondents: 2 }])]).toEqual(['a']);
  });
});
