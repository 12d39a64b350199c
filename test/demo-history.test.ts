import { World } from './factories';

interface Message {
  seq: number;
  parentId: string | null;
  replyCount: number;
  createdAt: string;
  mentions: string[];
  reactions: Array<{ emoji: string; count: number }>;
}

const DAY = 86_400_000;

/**
 * A newcomer opens the demo (SEED_DEMO=true) and finds working groups at work: weeks of
 * conversation in every channel, documents that grew version by version, and action items,
 * some of them late.
 */
describe('demo history', () => {
  let world: World;
  const facilitators = { 'tech-watch': 'jon@agency.demo', evaluation: 'maite@agency.demo', talent: 'iker@agency.demo' };
  const groupIds = new Map<string, string>();

  beforeAll(async () => {
    world = await World.start({ SEED_DEMO: 'true' });
    const groups = await world.admin.api.get<Array<{ id: string; slug: string }>>('/api/groups');
    for (const g of groups.body) groupIds.set(g.slug, g.id);
  });
  afterAll(async () => expect(await world.close()).toEqual([]));

  it('every channel of every group has weeks of messages, with threads, reactions and mentions, in seq and time order', async () => {
    for (const [slug, email] of Object.entries(facilitators)) {
      const facilitator = await world.login(email, 'auzolan-demo');
      const channels = await facilitator.api.get<Array<{ id: string; name: string }>>(
        `/api/groups/${groupIds.get(slug)}/channels`,
      );
      expect(channels.body.length).toBeGreaterThanOrEqual(2);
      for (const channel of channels.body) {
        const page = await facilitator.api.get<{ messages: Message[]; hasMore: boolean }>(
          `/api/channels/${channel.id}/messages?limit=200`,
        );
        const messages = page.body.messages;
        const where = `${slug} #${channel.name}`;
        expect([where, messages.length >= 5, page.body.hasMore]).toEqual([where, true, false]);
        expect([where, messages.map((m) => m.seq)]).toEqual([where, messages.map((_, i) => i + 1)]);
        const times = messages.map((m) => Date.parse(m.createdAt));
        expect([where, times]).toEqual([where, [...times].sort((a, b) => a - b)]);
        expect([where, times[times.length - 1] - times[0] > 14 * DAY]).toEqual([where, true]);
        expect([where, messages.some((m) => m.reactions.length > 0)]).toEqual([where, true]);
        if (channel.name === 'general') {
          expect([where, messages.some((m) => m.replyCount > 0 && m.parentId === null)]).toEqual([where, true]);
          expect([where, messages.some((m) => m.mentions.length > 0)]).toEqual([where, true]);
        }
      }
    }
  });

  it('threads hold replies written after their root', async () => {
    const jon = await world.login('jon@agency.demo', 'auzolan-demo');
    const [general] = (await jon.api.get<Array<{ id: string }>>(`/api/groups/${groupIds.get('tech-watch')}/channels`))
      .body;
    const { messages } = (
      await jon.api.get<{ messages: Array<Message & { id: string }> }>(`/api/channels/${general.id}/messages?limit=200`)
    ).body;
    const root = messages.find((m) => m.replyCount >= 3)!;
    const thread = await jon.api.get<{ root: Message; replies: Message[] }>(`/api/messages/${root.id}/thread`);
    expect(thread.body.replies).toHaveLength(root.replyCount);
    for (const reply of thread.body.replies)
      expect(Date.parse(reply.createdAt)).toBeGreaterThan(Date.parse(root.createdAt));
  });

  it('mentions notified their people, and the older ones were read', async () => {
    const ane = await world.login('ane@energy.demo', 'auzolan-demo');
    const notes = await ane.api.get<{ items: Array<{ kind: string; createdAt: string; readAt: string | null }> }>(
      '/api/notifications',
    );
    const mentions = notes.body.items.filter((n) => n.kind === 'mention');
    expect(mentions.length).toBeGreaterThanOrEqual(2);
    expect(mentions.some((n) => n.readAt !== null)).toBe(true);
    expect(mentions.every((n) => Date.now() - Date.parse(n.createdAt) > 3_600_000)).toBe(true);
  });

  it('documents were written and revised over the weeks, and each group has overdue action items', async () => {
    for (const [slug, email] of Object.entries(facilitators)) {
      const facilitator = await world.login(email, 'auzolan-demo');
      const docs = (
        await facilitator.api.get<{
          items: Array<{ id: string; version: number; createdAt: string; updatedAt: string }>;
        }>(`/api/groups/${groupIds.get(slug)}/documents`)
      ).body.items;
      // Nothing was written "less than a minute ago".
      for (const d of docs) expect([slug, Date.now() - Date.parse(d.updatedAt) > DAY]).toEqual([slug, true]);
      const created = docs.map((d) => d.createdAt.slice(0, 10));
      expect([slug, new Set(created).size >= 4]).toEqual([slug, true]);
      const revised = docs.filter((d) => d.version > 1);
      expect([slug, revised.length >= 2]).toEqual([slug, true]);
      const revisions = await facilitator.api.get<Array<{ version: number; createdAt: string }>>(
        `/api/documents/${revised[0].id}/revisions`,
      );
      // Each version at its own time, later versions later.
      const byVersion = [...revisions.body].sort((a, b) => a.version - b.version).map((r) => Date.parse(r.createdAt));
      expect(byVersion.length).toBe(revised[0].version);
      expect(new Set(byVersion).size).toBe(byVersion.length);
      expect(byVersion).toEqual([...byVersion].sort((a, b) => a - b));

      const items = await facilitator.api.get<Array<{ status: string; dueDate: string | null }>>(
        `/api/groups/${groupIds.get(slug)}/action-items`,
      );
      const today = new Date().toISOString().slice(0, 10);
      const overdue = items.body.filter((i) => i.status === 'open' && i.dueDate !== null && i.dueDate < today);
      expect([slug, overdue.length >= 2]).toEqual([slug, true]);
      expect([slug, items.body.some((i) => i.status === 'done')]).toEqual([slug, true]);
    }
  });

  it('search knows when things were written', async () => {
    const jon = await world.login('jon@agency.demo', 'auzolan-demo');
    const old = new Date(Date.now() - 7 * DAY).toISOString();
    for (let tries = 0; ; tries++) {
      const hits = await jon.api.get<{ total: number }>(`/api/search?q=hydrogen&to=${encodeURIComponent(old)}`);
      if (hits.body.total >= 5) break;
      if (tries > 50) throw new Error(`only ${hits.body.total} hydrogen hits older than a week`);
      await new Promise((r) => setTimeout(r, 200)); // the outbox catches up
    }
  });
});
