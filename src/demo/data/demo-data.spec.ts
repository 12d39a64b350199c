import { checkEmoji, findMentions } from '../../channels/message-rules';
import { DemoClock } from '../clock';
import type { DemoMessage } from '../conversations';
import type { DemoDocument } from '../knowledge';
import { EVALUATION_HISTORY, TALENT_HISTORY } from './chat-groups';
import { TECH_WATCH_HISTORY } from './chat-tech-watch';
import { EVALUATION_DOCUMENTS, TALENT_DOCUMENTS } from './knowledge-groups';
import { TECH_WATCH_DOCUMENTS } from './knowledge-tech-watch';
import { ASSOCIATION_PEOPLE, GROUPS, P, STAFF } from './world';

/** The demo history is data: these checks keep it writable by the services that will write it. */
const people = [...STAFF, ...ASSOCIATION_PEOPLE];
const histories = [...TECH_WATCH_HISTORY, ...EVALUATION_HISTORY, ...TALENT_HISTORY];
const documents: Record<string, DemoDocument[]> = {
  'tech-watch': TECH_WATCH_DOCUMENTS,
  evaluation: EVALUATION_DOCUMENTS,
  talent: TALENT_DOCUMENTS,
};

function group(slug: string) {
  const g = GROUPS.find((x) => x.slug === slug)!;
  const associationPeople = g.associations.map((key) => ASSOCIATION_PEOPLE.find((p) => p.organisation === key)!.email);
  return { ...g, contributors: new Set([g.facilitator, ...associationPeople, ...g.extraMembers]) };
}

const everyMessage = (messages: DemoMessage[]): DemoMessage[] => messages.flatMap((m) => [m, ...(m.replies ?? [])]);

describe('demo data', () => {
  it('names each person once, by the email the world gives them', () => {
    expect(Object.values(P).sort()).toEqual(people.map((p) => p.email).sort());
  });

  it("is written by people who may post in the group: members and facilitators, never observers", () => {
    for (const h of histories) {
      const g = group(h.group);
      expect(['general', ...g.extraChannels.map((c) => c.name)]).toContain(h.channel);
      for (const m of everyMessage(h.messages)) {
        expect([h.group, m.by, g.contributors.has(m.by)]).toEqual([h.group, m.by, true]);
        for (const [emoji, who] of Object.entries(m.react ?? {})) {
          expect(checkEmoji(emoji)).toBe(emoji);
          for (const email of who) expect([emoji, email, g.contributors.has(email)]).toEqual([emoji, email, true]);
        }
      }
    }
    for (const [slug, docs] of Object.entries(documents)) {
      const g = group(slug);
      for (const d of docs) {
        for (const by of [d.author, ...(d.revisions ?? []).map((r) => r.by)]) expect([slug, by, g.contributors.has(by)]).toEqual([slug, by, true]);
        for (const a of [...(d.actions ?? []), ...(d.revisions ?? []).flatMap((r) => r.actions ?? [])]) {
          const owned = a.owner.startsWith('org:') ? g.associations.includes(a.owner.slice(4)) : g.contributors.has(a.owner);
          expect([a.text, owned]).toEqual([a.text, true]);
        }
      }
    }
  });

  it('mentions only members of the group, each one resolving', () => {
    let mentions = 0;
    for (const h of histories) {
      const g = GROUPS.find((x) => x.slug === h.group)!;
      const members = people
        .filter((p) => group(h.group).contributors.has(p.email) || g.observers.includes(p.email))
        .map((p) => ({ userId: p.email, displayName: p.displayName, email: p.email }));
      for (const m of everyMessage(h.messages)) {
        const ats = m.text.match(/@/g)?.length ?? 0;
        expect([m.text, findMentions(m.text, members).length]).toEqual([m.text, ats]);
        mentions += ats;
      }
    }
    expect(mentions).toBeGreaterThan(10);
  });

  it('keeps replies after their roots, versions in order, and everything in the past, whatever the time of seeding', () => {
    const start = Date.UTC(2026, 2, 2); // a Monday; then every 37 minutes of a week, and a year-end
    const nows = [...Array.from({ length: 273 }, (_, i) => new Date(start + i * 37 * 60_000)), new Date('2027-01-01T00:05:00Z')];
    for (const now of nows) {
      const clock = new DemoClock(now);
      const past = (spec: string) => clock.at(spec).getTime() < now.getTime();
      for (const m of histories.flatMap((h) => h.messages)) {
        expect([m.at, past(m.at)]).toEqual([m.at, true]);
        for (const r of m.replies ?? []) {
          expect([m.at, r.at, clock.at(r.at) > clock.at(m.at), past(r.at)]).toEqual([m.at, r.at, true, true]);
        }
      }
      for (const d of Object.values(documents).flat()) {
        const times = [d.at, ...(d.revisions ?? []).map((r) => r.at)].map((s) => clock.at(s).getTime());
        expect([d.title, [...times].sort((a, b) => a - b), times.every((t) => t < now.getTime())]).toEqual([d.title, times, true]);
      }
      expect(clock.founded < clock.at('d25 00:00')).toBe(true);
    }
  });

  it('has some action items overdue, some done, some still to come', () => {
    const actions = Object.values(documents)
      .flat()
      .flatMap((d) => d.revisions?.at(-1)?.actions ?? d.actions ?? []);
    expect(actions.filter((a) => !a.done && a.due !== null && a.due < 0).length).toBeGreaterThanOrEqual(3);
    expect(actions.some((a) => a.done)).toBe(true);
    expect(actions.some((a) => !a.done && a.due !== null && a.due > 0)).toBe(true);
  });
});

describe('DemoClock', () => {
  const friday = new DemoClock(new Date('2026-12-04T10:00:00Z'));

  it('counts working days back, skipping the weekend', () => {
    expect(friday.at('d1 09:30').toISOString()).toBe('2026-12-03T09:30:00.000Z');
    expect(friday.at('d5 08:00').toISOString()).toBe('2026-11-27T08:00:00.000Z');
    expect(new DemoClock(new Date('2026-12-07T07:00:00Z')).at('d1 16:00').toISOString()).toBe('2026-12-04T16:00:00.000Z');
  });

  it('reads minutes ago and calendar days ahead', () => {
    expect(friday.at('m90').toISOString()).toBe('2026-12-04T08:30:00.000Z');
    expect([friday.date(-6), friday.date(9)]).toEqual(['2026-11-28', '2026-12-13']);
  });

  it('refuses a time it cannot place', () => {
    expect(() => friday.at('yesterday')).toThrow(/expected/);
    expect(() => friday.at('d0 09:00')).toThrow(/at least one working day/);
  });
});
