import { parsePeriod } from './period';

const now = new Date('2026-11-27T15:30:00Z');

describe('parsePeriod', () => {
  it('includes both days, ending at the start of the day after to', () => {
    expect(parsePeriod('2026-01-01', '2026-01-31', now)).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      start: new Date('2026-01-01T00:00:00Z'),
      end: new Date('2026-02-01T00:00:00Z'),
    });
  });

  it('defaults to the 365 days up to and including today', () => {
    expect(parsePeriod(undefined, undefined, now)).toMatchObject({ from: '2025-11-28', to: '2026-11-27' });
  });

  it('names the field of an impossible date', () => {
    expect(parsePeriod('2026-02-30', undefined, now)).toEqual({
      field: 'from',
      reason: expect.stringContaining('has no day 30 in 2026-02'),
    });
    expect(parsePeriod(undefined, 'tomorrow', now)).toEqual({
      field: 'to',
      reason: expect.stringContaining('must be a calendar date YYYY-MM-DD'),
    });
  });

  it('refuses a period that ends before it starts', () => {
    expect(parsePeriod('2026-03-01', '2026-02-01', now)).toEqual({ field: 'from', reason: 'must not be after to' });
  });

  it('accepts a single day', () => {
    expect(parsePeriod('2026-03-01', '2026-03-01', now)).toMatchObject({ end: new Date('2026-03-02T00:00:00Z') });
  });
});
