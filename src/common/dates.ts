import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';
import { DATE_RANGE } from './limits';

/**
 * The one parser for dates and timestamps, in query strings and bodies alike. Calendar dates
 * are `YYYY-MM-DD`; timestamps are RFC 3339 (`2026-03-12T09:30:00Z`, `…+01:00`, with optional
 * fractions of a second). Everything else ISO 8601 allows (week dates `2026-W10`, ordinal
 * dates `2024001`, basic format `20260101`, local times without an offset) is refused, and so
 * are days the calendar does not have (`2026-02-30`) and years outside DATE_RANGE. Pure.
 */
export type DateKind = 'date' | 'timestamp' | 'date or timestamp';

const CALENDAR = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/i;

const EXPECTED: Record<DateKind, string> = {
  date: 'must be a calendar date YYYY-MM-DD, such as 2026-03-12',
  timestamp: 'must be an RFC 3339 timestamp with a time zone, such as 2026-03-12T09:30:00Z',
  'date or timestamp': 'must be a calendar date YYYY-MM-DD or an RFC 3339 timestamp, such as 2026-03-12T09:30:00Z',
};

type Parsed = { ok: true; date: Date } | { ok: false; reason: string };

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parse(text: string, kind: DateKind): Parsed {
  const calendar = kind !== 'timestamp' ? CALENDAR.exec(text) : null;
  const stamp = calendar || kind === 'date' ? null : TIMESTAMP.exec(text);
  const m = calendar ?? stamp;
  if (!m) return { ok: false, reason: EXPECTED[kind] };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return { ok: false, reason: `has no month ${m[2]}; ${EXPECTED[kind]}` };
  if (day < 1 || day > daysIn(year, month)) {
    return { ok: false, reason: `has no day ${m[3]} in ${m[1]}-${m[2]}; ${EXPECTED[kind]}` };
  }
  const ymd = `${m[1]}-${m[2]}-${m[3]}`;
  if (ymd < DATE_RANGE.min || ymd > DATE_RANGE.max) {
    return { ok: false, reason: `must be from ${DATE_RANGE.min} to ${DATE_RANGE.max}` };
  }
  if (!stamp) return { ok: true, date: new Date(Date.UTC(year, month - 1, day)) };
  const [hour, minute, second] = [Number(stamp[4]), Number(stamp[5]), Number(stamp[6])];
  const [offsetHours, offsetMinutes] = [Number(stamp[9] ?? 0), Number(stamp[10] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) {
    return { ok: false, reason: `has an impossible time; ${EXPECTED[kind]}` };
  }
  const millis = Math.floor(Number(`0${stamp[7] ?? ''}`) * 1000);
  const sign = stamp[8].startsWith('-') ? -1 : 1;
  const offset = stamp[8].toUpperCase() === 'Z' ? 0 : sign * (offsetHours * 60 + offsetMinutes);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000;
  return { ok: true, date: new Date(utc) };
}

/** Why `value` is not a date of this kind, or null when it is one. */
export function dateProblem(value: unknown, kind: DateKind): string | null {
  if (typeof value !== 'string') return EXPECTED[kind];
  const parsed = parse(value, kind);
  return parsed.ok ? null : parsed.reason;
}

/** The instant a valid value stands for (a calendar date is its UTC midnight); null if it is not valid. */
export function parseDate(value: string, kind: DateKind): Date | null {
  const parsed = parse(value, kind);
  return parsed.ok ? parsed.date : null;
}

function dateDecorator(kind: DateKind, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: `is ${kind}`,
      validator: {
        validate: (value: unknown) => dateProblem(value, kind) === null,
        defaultMessage: (args?: ValidationArguments) => `$property ${dateProblem(args?.value, kind)}`,
      },
    },
    options,
  );
}

export const IsCalendarDate = (options?: ValidationOptions): PropertyDecorator => dateDecorator('date', options);
export const IsTimestamp = (options?: ValidationOptions): PropertyDecorator => dateDecorator('timestamp', options);
/** Filters that take a day (its midnight, UTC) or an exact instant. */
export const IsDateOrTimestamp = (options?: ValidationOptions): PropertyDecorator =>
  dateDecorator('date or timestamp', options);
