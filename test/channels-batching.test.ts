import { randomUUID } from 'node:crypto';
import type { ChannelView, MessageView } from '../src/contract';
import { Group, Person, World } from './factories';
import { range, seqs, settle, SocketClient } from './support/socket';

/**
 * Sends that arrive together are committed together (group commit). A burst across several
 * channels, with replies and mentions mixed in, must keep every guarantee of a lone send:
 * gapless seqs per channel, broadcasts in seq order, reply counts, mentions, and an archived
 * channel refusing its sends without costing a seq or failing the others.
 */
describe('sends committed together', () => {
  let world: World;
  let facilitator: Person;
  let ane: Person;
  let jon: Person;
  let group: Group;
  let jonName: string;
  const sockets: SocketClient[] = [];

  const connect = async (who: Person): Promise<SocketClient> => {
    const client = await SocketClient.connect(world.app.url, who.token);
    sockets.push(client);
    return client;
  };
  const newChannel = async (): Promise<ChannelView> => {
    const res = await facilitator.api.post<ChannelView>(`/api/groups/${group.id}/channels`, {
      name: `burst-${randomUUID().slice(0, 6)}`,
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const history = async (channelId: string): Promise<MessageView[]> => {
    const res = await ane.api.get<{ messages: MessageView[] }>(
      `/api/channels/${channelId}/messages?afterSeq=0&limit=200`,
    );
    expect(res.status).toBe(200);
    return res.body.messages;
  };

  beforeAll(async () => {
    world = await World.start();
    const org = await world.createOrganisation();
    facilitator = await world.createPerson({ organisationId: org.id });
    ane = await world.createPerson({ organisationId: org.id });
    jonName = `Jon Burst ${randomUUID().slice(0, 4)}`;
    jon = await world.createPerson({ organisationId: org.id, displayName: jonName });
    group = await world.createGroup({ visibility: 'private' });
    await world.addMember(group, facilitator, 'facilitator');
    await world.addMember(group, ane, 'member');
    await world.addMember(group, jon, 'member');
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    expect(await world.close()).toEqual([]);
  });

  it('a burst over three channels with replies and mentions stays gapless, ordered and counted', async () => {
    const channels = await Promise.all(range(1, 3).map(() => newChannel()));
    const listener = await connect(jon);
    const senders = await Promise.all(range(1, 6).map((i) => connect(i % 2 ? ane : facilitator)));
    for (const c of channels) {
      await listener.join(c.id);
      for (const s of senders) await s.join(c.id);
    }
    const roots = await Promise.all(channels.map((c, i) => senders[0].post(c.id, `root ${i}`)));

    // Every sender fires into every channel at once: plain messages, replies and mentions of Jon.
    const acked = (
      await Promise.all(
        senders.flatMap((s, i) =>
          channels.map((c, ci) =>
            Promise.all(
              range(1, 6).map((k) => {
                if (k % 3 === 0) return s.post(c.id, `reply ${i}.${k}`, { parentId: roots[ci].id });
                if (k % 3 === 1) return s.post(c.id, `@${jonName} look ${i}.${k}`);
                return s.post(c.id, `plain ${i}.${k}`);
              }),
            ),
          ),
        ),
      )
    ).flat(2);
    for (const c of channels) await settle(listener, c.id);

    for (const [ci, c] of channels.entries()) {
      const stored = await history(c.id);
      const count = 1 + senders.length * 6;
      expect(seqs(stored)).toEqual(range(1, count));
      const mine = acked.filter((m) => m.channelId === c.id);
      expect(mine.map((m) => m.id).sort()).toEqual(
        stored
          .slice(1)
          .map((m) => m.id)
          .sort(),
      );
      // Broadcast in seq order, each once, to a socket that did not send them.
      const heard = listener.received('message:new').filter((m) => m.channelId === c.id);
      expect(seqs(heard)).toEqual(range(1, count));
      const root = stored.find((m) => m.id === roots[ci].id)!;
      expect(root.replyCount).toBe(senders.length * 2);
      expect(stored.filter((m) => m.body.startsWith('@')).every((m) => m.mentions.includes(jon.id))).toBe(true);
    }
    const notes = await jon.api.get<{ items: Array<{ subjectId: string }> }>('/api/notifications?limit=100');
    const mentioning = acked.filter((m) => m.body.startsWith('@')).map((m) => m.id);
    expect(mentioning).toHaveLength(channels.length * senders.length * 2);
    expect(notes.body.items.map((n) => n.subjectId)).toEqual(expect.arrayContaining(mentioning));
  });

  it("one person's quick successive sends keep their order in seq", async () => {
    const channel = await newChannel();
    const sender = await connect(ane);
    // Fired without waiting for acks: they span several commits, two of which may be in flight.
    const acks = await Promise.all(range(1, 60).map((k) => sender.post(channel.id, `in order ${k}`)));
    expect(acks.map((m) => m.seq)).toEqual(range(1, 60));
    expect((await history(channel.id)).map((m) => m.body)).toEqual(range(1, 60).map((k) => `in order ${k}`));
  });

  it('members who have not joined the channel get its activity coalesced, ending with the latest seq', async () => {
    const channel = await newChannel();
    const watcher = await connect(jon); // in the group's room, not in the channel's
    const sender = await connect(ane);
    await Promise.all(range(1, 20).map((k) => sender.post(channel.id, `busy ${k}`)));
    await watcher.waitFor('channel:activity', (p) =>
      p.channels.some((c) => c.channelId === channel.id && c.lastSeq === 20),
    );
    const announced = watcher
      .received('channel:activity')
      .flatMap((p) => p.channels.filter((c) => c.channelId === channel.id).map((c) => c.lastSeq));
    expect(announced).toEqual([...announced].sort((a, b) => a - b));
    // Twenty messages sent together, a handful of announcements (one per group per second at most).
    expect(announced.length).toBeLessThan(20);
    expect(watcher.received('message:new').filter((m) => m.channelId === channel.id)).toEqual([]);
  });

  it('an archived channel refuses its sends in the same burst as others, without taking a seq', async () => {
    const [live, archived] = await Promise.all([newChannel(), newChannel()]);
    const sender = await connect(ane);
    await sender.post(archived.id, 'before the archive');
    const patch = await facilitator.api.patch<ChannelView>(`/api/channels/${archived.id}`, { archived: true });
    expect(patch.status).toBe(200);

    const acks = await Promise.all(range(1, 20).map((k) => sender.send(k % 2 ? live.id : archived.id, `burst ${k}`)));
    const refused = acks.filter((a, k) => (k + 1) % 2 === 0);
    expect(refused.every((a) => !a.ok && a.error.code === 'conflict')).toBe(true);
    expect(acks.filter((a, k) => (k + 1) % 2 === 1).every((a) => a.ok)).toBe(true);
    expect(seqs(await history(live.id))).toEqual(range(1, 10));

    // Unarchived, the next message takes seq 2: the refused sends used none.
    await facilitator.api.patch(`/api/channels/${archived.id}`, { archived: false });
    expect((await sender.post(archived.id, 'after')).seq).toBe(2);
  });
});
