import { dateProblem, parseDate } from '../common/dates';

/**
 * The reporting period: `from` and `to` are calendar days (UTC), both included. Without
 * them it is the 365 days up to and including today. Pure, so it is unit-tested.
 */
export interface Period {
  from: string;
  to: string;
  /** Timestamps bounding the period: [start, end). */
  start: Date;
  end: Date;
}

const DAY_MS = 86_400_000;

const day = (d: Date): string => d.toISOString().slice(0, 10);

/** The common date rule (src/common/dates.ts), answering in this module's shape. */
function parseDay(value: string, field: string): Date | { field: string; reason: string } {
  return parseDate(value, 'date') ?? { field, reason: dateProblem(value, 'date')! };
}

export function parsePeriod(
  from: string | undefined,
  to: string | undefined,
  now: Date,
): Period | { field: string; reason: string } {
  const today = new Date(`${day(now)}T00:00:00Z`);
  const end = to === undefined ? today : parseDay(to, 'to');
  if (!(end instanceof Date)) return end;
  const start = from === undefined ? new Date(end.getTime() - 364 * DAY_MS) : parseDay(from, 'from');
  if (!(start instanceof Date)) return start;
  if (start > end) return { field: 'from', reason: 'must not be after to' };
  return { from: day(start), to: day(end), start, end: new Date(end.getTime() + DAY_MS) };
}
