import { dateProblem, parseDate } from './dates';
import { boundedInteger, parseIntegerText } from './integers';
import { jsonTextTooDeep, parseJsonBody, valueTooDeep } from './json-body';
import { INTEGER_BOUNDS } from './limits';
import { textProblem } from './text';

describe('dates', () => {
  it.each(['2026-03-12', '2028-02-29', '1900-01-01', '2999-12-31'])('takes the calendar date %s', (d) => {
    expect(dateProblem(d, 'date')).toBeNull();
  });

  it.each([
    ['2026-W10', 'must be a calendar date'],
    ['2024001', 'must be a calendar date'],
    ['20260101', 'must be a calendar date'],
    ['2026-1-1', 'must be a calendar date'],
    ['2026-02-30', 'has no day 30 in 2026-02'],
    ['2027-02-29', 'has no day 29 in 2027-02'],
    ['2026-13-01', 'has no month 13'],
    ['9999-99-99', 'has no month 99'],
    ['0000-01-01', 'must be from 1900-01-01 to 2999-12-31'],
    ['1e400', 'must be a calendar date'],
    ['2026-03-12T09:30:00Z', 'must be a calendar date'],
  ])('refuses %s as a calendar date (%s)', (d, reason) => {
    expect(dateProblem(d, 'date')).toContain(reason);
  });

  it('reads RFC 3339 timestamps with their offset, and refuses local times and impossible ones', () => {
    expect(parseDate('2026-03-12T09:30:00+01:00', 'timestamp')).toEqual(new Date('2026-03-12T08:30:00Z'));
    expect(parseDate('2026-03-12t09:30:00.123456z', 'timestamp')).toEqual(new Date('2026-03-12T09:30:00.123Z'));
    for (const t of ['2026-03-12T09:30:00', '2026-03-12T24:00:00Z', '2026-03-12T09:60:00Z', '2026-03-12T09:30:60Z']) {
      expect(parseDate(t, 'timestamp')).toBeNull();
    }
    expect(dateProblem('2026-03-12', 'timestamp')).toContain('RFC 3339');
    expect(parseDate('2026-03-12', 'date or timestamp')).toEqual(new Date('2026-03-12T00:00:00Z'));
  });
});

describe('integers', () => {
  const seq = INTEGER_BOUNDS.seq;
  it('takes digits within bounds only', () => {
    expect(parseIntegerText('42', seq)).toBe(42);
    expect(parseIntegerText('9007199254740991', seq)).toBe(Number.MAX_SAFE_INTEGER);
    for (const t of ['99999999999999999999', '9007199254740992', '-1', '1e3', '1.5', ' 1', '0x10', '']) {
      expect(parseIntegerText(t, seq)).toBeNull();
    }
    expect(parseIntegerText('2147483648', INTEGER_BOUNDS.version)).toBeNull();
    expect(parseIntegerText('0', INTEGER_BOUNDS.version)).toBeNull();
  });

  it('takes JSON numbers that are whole and within bounds', () => {
    expect(boundedInteger(3, seq)).toBe(3);
    for (const v of [1e20, Infinity, 1.5, -1, '3', null]) expect(boundedInteger(v, seq)).toBeNull();
  });
});

describe('text', () => {
  it('refuses lone surrogates, NUL and control characters; keeps pairs, tabs and newlines where allowed', () => {
    expect(textProblem('Hidrógeno 🚀', false)).toBeNull();
    expect(textProblem('line\n\tline', true)).toBeNull();
    expect(textProblem('line\nline', false)).toContain('control characters');
    expect(textProblem('a\ud800b', false)).toContain('lone surrogate');
    expect(textProblem('\udc00', true)).toContain('lone surrogate');
    expect(textProblem('a\u0000b', true)).toContain('NUL');
    expect(textProblem('a\u0007b', true)).toContain('other than tab and newline');
  });
});

describe('JSON depth', () => {
  it('counts nesting outside strings only, and stops at the limit', () => {
    expect(jsonTextTooDeep('{"a":[{"b":[1]}]}', 4)).toBe(false);
    expect(jsonTextTooDeep('{"a":[{"b":[[1]]}]}', 4)).toBe(true);
    expect(jsonTextTooDeep('{"a":"[[[[[[\\"[[[[[[","b":"\\\\"}', 1)).toBe(false);
    expect(jsonTextTooDeep('['.repeat(1_000_000), 10)).toBe(true);
  });

  it('walks parsed values without recursion', () => {
    const deep = JSON.parse('['.repeat(200_000) + ']'.repeat(200_000)) as unknown;
    expect(valueTooDeep(deep, 10)).toBe(true);
    expect(valueTooDeep({ a: [{ b: [1] }] }, 4)).toBe(false);
  });

  it('parses bodies with prototype-poisoning protection, and only objects', () => {
    expect(parseJsonBody('{"a":1}')).toEqual({ a: 1 });
    for (const bad of ['{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', 'null', '"x"', '{']) {
      expect(() => parseJsonBody(bad)).toThrow();
    }
  });
});
