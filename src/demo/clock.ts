const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * Times of the demo history, relative to the moment it is seeded, so the demo always looks
 * recent and reads the same: the same words at the same distance from "now".
 *
 * A time is written `d12 09:40` (twelve working days before today, at 09:40 UTC: people
 * of the working groups post on weekdays, in office hours) or `m45` (45 minutes ago).
 */
export class DemoClock {
  constructor(readonly now: Date) {}

  /** The founding of the demo world: organisations, people, groups and channels. */
  get founded(): Date {
    return this.at('d65 07:30');
  }

  at(spec: string): Date {
    const minutes = /^m(\d+)$/.exec(spec);
    if (minutes) return new Date(this.now.getTime() - Number(minutes[1]) * MINUTE);
    const day = /^d(\d+) (\d\d):(\d\d)$/.exec(spec);
    if (!day) throw new Error(`demo time "${spec}": expected "d<working days> HH:MM" or "m<minutes>"`);
    const [, back, hh, mm] = day.map(Number);
    if (back < 1) throw new Error(`demo time "${spec}": at least one working day back (today may not have reached it)`);
    let date = Math.floor(this.now.getTime() / DAY) * DAY;
    for (let left = back; left > 0;) {
      date -= DAY;
      const weekday = new Date(date).getUTCDay();
      if (weekday !== 0 && weekday !== 6) left--;
    }
    return new Date(date + hh * 3_600_000 + mm * MINUTE);
  }

  /** A calendar date (YYYY-MM-DD) `days` days from today; negative is in the past. */
  date(days: number): string {
    return new Date(this.now.getTime() + days * DAY).toISOString().slice(0, 10);
  }
}
