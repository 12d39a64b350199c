import { randomUUID } from 'node:crypto';
import type { ChannelView, MessageView } from '../src/contract';
import { ADMIN_EMAIL, ADMIN_PASSWORD, Group, Person, World } from './factories';
import { AppProcess } from './support/app-process';
import { Api } from './support/http';
import { range, seqs, settle, SocketClient } from './support/socket';

/**
 * What happens around the edges of a conversation: a client that was away catches up
 * (also across a server restart), access that ends ends at once, and a server killed in
 * the middle of a burst loses nothing it acknowledged and duplicates nothing on resend.
 */
describe('catch-up, revocation and crash recovery', () => {
  let world: World;
  let app: AppProcess;
  const extraApps: AppProcess[] = [];
  let facilitator: Person;
  let ane: Person;
  let jon: Person;
  let group: Group;
  let channel: ChannelView;
  const sockets: SocketClient[] = [];

  const connect = async (token: string): Promise<SocketClient> => {
    const client = await SocketClient.connect(app.url, token);
    sockets.push(client);
    return client;
  };
  const api = (who: Person): Api => new Api(app.url).as({ token: who.token });
  /** Every message of the channel, paged with afterSeq as a catching-up client would. */
  const everything = async (who: Person, channelId: string): Promise<MessageView[]> => {
    const all: MessageView[] = [];
    for (let after = 0; ;) {
      const res = await api(who).get<{ messages: MessageView[]; hasMore: boolean }>(
        `/api/channels/${channelId}/messages?afterSeq=${after}&limit=200`,
      );
      expect(res.status).toBe(200);
      all.push(...res.body.messages);
      if (!res.body.hasMore) return all;
      after = all.at(-1)!.seq;
    }
  };
  const restart = async (how: 'stop' | 'kill'): Promise<void> => {
    await (how === 'kill' ? app.kill() : app.stop());
    app = await AppProcess.start({ ...world.db.env, ADMIN_EMAIL, ADMIN_PASSWORD });
    extraApps.push(app);
  };

  beforeAll(async () => {
    world = await World.start();
    app = world.app;
    facilitator = await world.createPerson({ displayName: 'Facilitator' });
    ane = await world.createPerson({ displayName: 'Ane' });
    jon = await world.createPerson({ displayName: 'Jon' });
    group = await world.createGroup({ visibility: 'private' });
    await world.addMember(group, facilitator, 'facilitator');
    await world.addMember(group, ane, 'member');
    await world.addMember(group, jon, 'member');
    [channel] = (await world.admin.api.get<ChannelView[]>(`/api/groups/${group.id}/channels`)).body;
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    const errors = await world.close();
    for (const extra of extraApps) await extra.stop();
    expect([...errors, ...extraApps.flatMap((a) => a.serverErrors())]).toEqual([]);
  });

  it('a client that was away gets exactly the 50 messages it missed, once, in order', async () => {
    const away = await connect(jon.token);
    const joined = await away.join(channel.id, 0);
    if (!joined.ok) throw new Error(joined.error.message);
    away.close();
    const talker = await connect(ane.token);
    const posted: MessageView[] = [];
    for (const i of range(1, 50)) posted.push(await talker.post(channel.id, `while you were away ${i}`));

    const back = await connect(jon.token);
    const caught = await back.join(channel.id, joined.lastSeq);
    expect(caught).toMatchObject({ ok: true, hasMore: false, lastSeq: joined.lastSeq + 50 });
    if (!caught.ok) return;
    expect(seqs(caught.missed)).toEqual(range(joined.lastSeq + 1, joined.lastSeq + 50));
    expect(caught.missed.map((m) => m.id)).toEqual(posted.map((m) => m.id));
    await settle(back, channel.id);
    expect(back.received('message:new')).toEqual([]);
  });

  it('a member removed while connected fails on their next event and receives nothing more', async () => {
    const victim = await world.createPerson({ displayName: 'Leaving' });
    await world.addMember(group, victim, 'member');
    const theirs = await connect(victim.token);
    const talker = await connect(ane.token);
    expect((await theirs.join(channel.id)).ok).toBe(true);
    const before = await talker.post(channel.id, 'you can still read this');
    await theirs.waitFor('message:new', (m) => m.id === before.id);

    expect((await world.admin.api.delete(`/api/groups/${group.id}/members/${victim.id}`)).status).toBe(204);
    await theirs.waitFor('access:revoked', (e) => e.groupId === group.id);
    expect(await theirs.send(channel.id, 'am I still here?')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const after = await talker.post(channel.id, 'not for you any more');
    await settle(theirs, channel.id);
    expect(theirs.received('message:new').map((m) => m.id)).not.toContain(after.id);
    expect(await theirs.join(channel.id, 0)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('logging out in one tab disconnects the other tab’s socket of that session, and only that session', async () => {
    const again = await world.login(ane.email, ane.password); // another device: its own session
    const tab1 = await connect(ane.token);
    const tab2 = await connect(ane.token);
    const phone = await connect(again.token);
    expect((await api(ane).post('/api/auth/logout')).status).toBe(204);
    await tab1.waitForDisconnect();
    await tab2.waitForDisconnect();
    // Told why first, so a client knows this disconnect is not one to reconnect from.
    expect(tab1.received('session:ended')).toEqual([{ reason: 'logout' }]);
    expect(tab2.received('session:ended')).toEqual([{ reason: 'logout' }]);
    expect(phone.connected).toBe(true);
    expect(phone.received('session:ended')).toEqual([]);
    expect((await phone.send(channel.id, 'still signed in on my phone')).ok).toBe(true);
    expect(await SocketClient.refusal(app.url, { token: ane.token })).toMatchObject({ code: 'unauthenticated' });
    ane = again;
  });

  it('a deactivated person’s sockets are disconnected', async () => {
    const leaving = await world.createPerson({ displayName: 'Deactivated' });
    await world.addMember(group, leaving, 'member');
    const theirs = await connect(leaving.token);
    expect((await world.admin.api.patch(`/api/users/${leaving.id}`, { active: false })).status).toBe(200);
    await theirs.waitForDisconnect();
    expect(theirs.received('session:ended')).toEqual([{ reason: 'deactivated' }]);
  });

  it('catches up across a full server restart', async () => {
    const away = await connect(jon.token);
    const joined = await away.join(channel.id, 0);
    if (!joined.ok) throw new Error(joined.error.message);
    away.close();
    const posted: MessageView[] = [];
    let talker = await connect(ane.token);
    for (const i of range(1, 25)) posted.push(await talker.post(channel.id, `before the restart ${i}`));
    const beforeRestart = talker;
    await restart('stop');
    // A shutdown disconnects from the server side but does not end the session: clients reconnect.
    expect(await beforeRestart.waitForDisconnect()).toBe('io server disconnect');
    expect(beforeRestart.received('session:ended')).toEqual([]);
    talker = await connect(ane.token);
    for (const i of range(1, 25)) posted.push(await talker.post(channel.id, `after the restart ${i}`));

    const back = await connect(jon.token);
    const caught = await back.join(channel.id, joined.lastSeq);
    expect(caught).toMatchObject({ ok: true, hasMore: false });
    if (!caught.ok) return;
    expect(seqs(caught.missed)).toEqual(range(joined.lastSeq + 1, joined.lastSeq + 50));
    expect(caught.missed.map((m) => m.id)).toEqual(posted.map((m) => m.id));
  });

  it('SIGKILL during a burst: every acked message survives once with its seq; resending the rest duplicates nothing', async () => {
    const senders = await Promise.all([ane, jon, facilitator].map((p) => connect(p.token)));
    type Sent = { clientMsgId: string; body: string; sender: number; ack: MessageView | null };
    const sent: Sent[] = [];
    let acked = 0;
    let killed: Promise<void> | null = null;
    const inFlight = senders.flatMap((socket, sender) =>
      range(1, 40).map(
        (i) =>
          new Promise<void>((resolve) => {
            const entry: Sent = { clientMsgId: randomUUID(), body: `burst ${sender}.${i}`, sender, ack: null };
            sent.push(entry);
            // Paced over ~200 ms: sends that arrive together are committed together, so an
            // all-at-once burst could be stored and acked whole before the kill lands.
            setTimeout(() => {
              if (!socket.socket.connected) return resolve(); // after the kill: never sent, so unacked
              socket.socket.once('disconnect', () => resolve());
              socket.socket.emit(
                'message:send',
                { channelId: channel.id, body: entry.body, clientMsgId: entry.clientMsgId },
                (ack) => {
                  if (ack.ok) entry.ack = ack.message;
                  if (ack.ok && ++acked === 30) killed = app.kill().then(() => undefined);
                  resolve();
                },
              );
            }, i * 5);
          }),
      ),
    );
    await Promise.all(inFlight);
    expect(killed).not.toBeNull();
    await killed;
    const ackedEntries = sent.filter((s) => s.ack);
    expect(ackedEntries.length).toBeGreaterThanOrEqual(30);
    expect(ackedEntries.length).toBeLessThan(sent.length); // the kill did land in the middle of the burst

    await restart('stop'); // the killed process is gone; this starts a new one on the same data
    const stored = await everything(jon, channel.id);
    expect(seqs(stored)).toEqual(range(1, stored.length));
    const byClientId = new Map<string, MessageView[]>();
    for (const m of stored)
      if (m.clientMsgId) byClientId.set(m.clientMsgId, [...(byClientId.get(m.clientMsgId) ?? []), m]);
    for (const s of ackedEntries) {
      expect(byClientId.get(s.clientMsgId)?.map((m) => [m.id, m.seq])).toEqual([[s.ack!.id, s.ack!.seq]]);
    }
    for (const s of sent.filter((x) => !x.ack))
      expect((byClientId.get(s.clientMsgId) ?? []).length).toBeLessThanOrEqual(1);

    // The clients come back and resend everything they have no ack for.
    const again = await Promise.all([ane, jon, facilitator].map((p) => connect(p.token)));
    for (const s of sent.filter((x) => !x.ack)) {
      const ack = await again[s.sender].send(channel.id, s.body, { clientMsgId: s.clientMsgId });
      expect(ack).toMatchObject({ ok: true, message: { clientMsgId: s.clientMsgId, body: s.body } });
    }
    const final = await everything(jon, channel.id);
    expect(seqs(final)).toEqual(range(1, final.length));
    const burst = final.filter((m) => sent.some((s) => s.clientMsgId === m.clientMsgId));
    expect(burst.map((m) => m.clientMsgId).sort()).toEqual(sent.map((s) => s.clientMsgId).sort());
  });
});
