import { Group, Person, World } from './factories';
import { settle, SocketClient } from './support/socket';

interface Channel {
  id: string;
  groupId: string;
}

/**
 * Admins read every group, so they receive every group's realtime events, member or not
 * (rooms.groupAudience); a person made admin receives them at once, and a former admin stops
 * receiving the events of groups they may no longer read.
 */
describe('admins receive the events of groups they are not members of', () => {
  let world: World;
  let facilitator: Person;
  let talker: Person;
  let outsider: Person;
  let group: Group;
  let channel: Channel;
  const sockets: SocketClient[] = [];

  const connect = async (who: Person): Promise<SocketClient> => {
    const client = await SocketClient.connect(world.app.url, who.token);
    sockets.push(client);
    return client;
  };
  const activityFor =
    (seq: number) => (p: { groupId: string; channels: Array<{ channelId: string; lastSeq: number }> }) =>
      p.groupId === group.id && p.channels.some((c) => c.channelId === channel.id && c.lastSeq >= seq);

  beforeAll(async () => {
    world = await World.start();
    facilitator = await world.createPerson({ displayName: 'Facilitator' });
    talker = await world.createPerson({ displayName: 'Talker' });
    outsider = await world.createPerson({ displayName: 'Outsider' });
    group = await world.createGroup({ visibility: 'private' });
    await world.addMember(group, facilitator, 'facilitator');
    await world.addMember(group, talker, 'member');
    [channel] = (await world.admin.api.get<Channel[]>(`/api/groups/${group.id}/channels`)).body;
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    expect(await world.close()).toEqual([]);
  });

  it('an admin who is not a member gets a message event of the group, and its new channels; an outsider gets neither', async () => {
    const view = await world.admin.api.get<{ myRole: string | null }>(`/api/groups/${group.id}`);
    expect(view.body.myRole).toBeNull();
    const admin = await connect(world.admin);
    const stranger = await connect(outsider);
    const member = await connect(talker);

    const message = await member.post(channel.id, 'the admin hears of this');
    await admin.waitFor('channel:activity', activityFor(message.seq));

    // Joined to the channel room, the admin gets the message itself.
    expect((await admin.join(channel.id)).ok).toBe(true);
    const next = await member.post(channel.id, 'and reads this one live');
    expect((await admin.waitFor('message:new', (m) => m.id === next.id)).body).toBe('and reads this one live');

    const created = await facilitator.api.post<Channel>(`/api/groups/${group.id}/channels`, { name: 'admins-too' });
    expect(created.status).toBe(201);
    await admin.waitFor('channel:created', (c) => c.id === created.body.id);

    await member.waitFor('channel:created', (c) => c.id === created.body.id);
    await settle(stranger, channel.id);
    expect(stranger.received('channel:activity')).toEqual([]);
    expect(stranger.received('channel:created')).toEqual([]);
    expect(stranger.received('message:new')).toEqual([]);
  });

  it('a person made admin while connected gets the group’s events at once; demoted, nothing more', async () => {
    const promoted = await world.createPerson({ displayName: 'Promoted' });
    const theirs = await connect(promoted);
    const member = await connect(talker);

    expect((await world.admin.api.patch(`/api/users/${promoted.id}`, { role: 'admin' })).status).toBe(200);
    const seen = await member.post(channel.id, 'now you are an admin');
    await theirs.waitFor('channel:activity', activityFor(seen.seq));
    // A socket opened as an admin joins the private group's channel room.
    const asAdmin = await connect(promoted);
    expect((await asAdmin.join(channel.id)).ok).toBe(true);

    expect((await world.admin.api.patch(`/api/users/${promoted.id}`, { role: 'member' })).status).toBe(200);
    const unseen = await member.post(channel.id, 'not for a former admin');
    await member.waitFor('channel:activity', activityFor(unseen.seq)); // the group got it

    for (const s of [theirs, asAdmin]) {
      await settle(s, channel.id);
      expect(s.received('channel:activity').filter(activityFor(unseen.seq))).toEqual([]);
    }
    expect(asAdmin.received('message:new').map((m) => m.id)).not.toContain(unseen.id);
  });
});
