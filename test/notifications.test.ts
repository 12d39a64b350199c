import { Group, Person, World } from './factories';
import { createDoc } from './support/knowledge';

interface Item {
  id: string;
  subjectId: string | null;
  groupId: string | null;
  readAt: string | null;
}
interface List {
  items: Item[];
  unreadCount: number;
}

/**
 * Notifications say which are read, so a reader's bell agrees with itself after a reload:
 * a member is told of two summaries, opens one, then marks all read; the count the read answer
 * gives is the one the list gives, also when a notification of a group she left is hidden.
 */
describe('notifications: read state', () => {
  let world: World;
  let group: Group;
  let leftGroup: Group;
  let facilitator: Person;
  let member: Person;

  beforeAll(async () => {
    world = await World.start();
    facilitator = await world.createPerson({ displayName: 'Jon Facilitator' });
    member = await world.createPerson();
    group = await world.createGroup({ visibility: 'private' });
    leftGroup = await world.createGroup({ visibility: 'private' });
    for (const g of [group, leftGroup]) {
      await world.addMember(g, facilitator, 'facilitator');
      await world.addMember(g, member, 'member');
    }
  });

  afterAll(async () => {
    expect(await world.close()).toEqual([]);
  });

  const list = async (p: Person): Promise<List> => (await p.api.get<List>('/api/notifications')).body;

  async function publishSummary(g: Group, title: string): Promise<string> {
    const doc = await createDoc(facilitator, g, { kind: 'meeting_summary', title, meetingDate: '2026-02-10' });
    expect((await facilitator.api.post(`/api/documents/${doc.id}/publish`)).status).toBe(200);
    return doc.id;
  }

  it('gives each notification its readAt, and the same unread count from the list and the read answer', async () => {
    const first = await publishSummary(group, 'Radar review');
    const second = await publishSummary(group, 'Talent survey');
    const hidden = await publishSummary(leftGroup, 'Before she left');

    const fresh = await list(member);
    expect(fresh.unreadCount).toBe(3);
    expect(fresh.items.map((n) => n.readAt)).toEqual([null, null, null]);

    // She leaves the second group: its notification names its content, so it is neither shown nor counted.
    expect((await world.admin.api.delete(`/api/groups/${leftGroup.id}/members/${member.id}`)).status).toBe(204);
    const afterLeaving = await list(member);
    expect(afterLeaving.items.some((n) => n.subjectId === hidden)).toBe(false);
    expect(afterLeaving.unreadCount).toBe(2);

    const one = afterLeaving.items.find((n) => n.subjectId === first)!;
    const read = await member.api.post<{ unreadCount: number }>('/api/notifications/read', { ids: [one.id] });
    expect(read.status).toBe(200);
    const reloaded = await list(member);
    expect(read.body.unreadCount).toBe(reloaded.unreadCount);
    expect(reloaded.unreadCount).toBe(1);
    const byDoc = new Map(reloaded.items.map((n) => [n.subjectId, n]));
    expect(Date.parse(byDoc.get(first)!.readAt!)).not.toBeNaN();
    expect(byDoc.get(second)!.readAt).toBeNull();

    const all = await member.api.post<{ unreadCount: number }>('/api/notifications/read', {});
    expect(all.body.unreadCount).toBe(0);
    const end = await list(member);
    expect(end.unreadCount).toBe(0);
    expect(end.items.every((n) => n.readAt !== null)).toBe(true);
    // Someone else's read state is their own.
    expect((await list(facilitator)).unreadCount).toBe(0);
  });

  it('a notification that arrives after all were read is unread', async () => {
    await publishSummary(group, 'Live one');
    const after = await list(member);
    expect(after.unreadCount).toBe(1);
    expect(after.items[0].readAt).toBeNull();
  });
});
