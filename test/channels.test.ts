import { randomUUID } from 'node:crypto';
import type { ChannelView, MessageView } from '../src/contract';
import { Group, Person, World } from './factories';
import { findHtmlDangers } from './support/html-safety';
import { range, seqs, settle, SocketClient } from './support/socket';
import { XSS_CORPUS } from './support/xss-corpus';

/**
 * Channels as members use them: REST for channels and history, socket.io for everything live.
 * Story: a facilitator runs an open and a private working group; two members talk, an
 * observer follows, an outsider sees nothing of the private group.
 */
describe('channels and messages', () => {
  let world: World;
  let facilitator: Person;
  let ane: Person;
  let jon: Person;
  let observer: Person;
  let outsider: Person;
  let open: Group;
  let secret: Group;
  let general: ChannelView;
  let secretGeneral: ChannelView;
  let jonName: string;
  const sockets: SocketClient[] = [];

  const connect = async (who: Person): Promise<SocketClient> => {
    const client = await SocketClient.connect(world.app.url, who.token);
    sockets.push(client);
    return client;
  };
  const channelsOf = async (who: Person, group: Group): Promise<ChannelView[]> => {
    const res = await who.api.get<ChannelView[]>(`/api/groups/${group.id}/channels`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const history = async (who: Person, channelId: string, query = ''): Promise<MessageView[]> => {
    const res = await who.api.get<{ messages: MessageView[] }>(`/api/channels/${channelId}/messages${query}`);
    expect(res.status).toBe(200);
    return res.body.messages;
  };

  beforeAll(async () => {
    world = await World.start();
    const org = await world.createOrganisation();
    const tag = randomUUID().slice(0, 4);
    facilitator = await world.createPerson({ organisationId: org.id, displayName: `Maite ${tag}` });
    ane = await world.createPerson({ organisationId: org.id, displayName: `Ane Arrieta ${tag}` });
    jonName = `Jon Etxebe ${tag}`;
    jon = await world.createPerson({ organisationId: org.id, displayName: jonName });
    observer = await world.createPerson({ organisationId: org.id, displayName: `Nerea ${tag}` });
    outsider = await world.createPerson({ organisationId: org.id, displayName: `Outsider ${tag}` });
    open = await world.createGroup({ visibility: 'open' });
    secret = await world.createGroup({ visibility: 'private' });
    for (const group of [open, secret]) {
      await world.addMember(group, facilitator, 'facilitator');
      await world.addMember(group, ane, 'member');
      await world.addMember(group, jon, 'member');
      await world.addMember(group, observer, 'observer');
    }
    [general] = await channelsOf(ane, open);
    [secretGeneral] = await channelsOf(ane, secret);
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    expect(await world.close()).toEqual([]);
  });

  describe('channels over REST', () => {
    it('every group starts with general; facilitators add, rename, set the topic of and archive channels', async () => {
      expect(general).toMatchObject({ name: 'general', lastSeq: 0, unreadCount: 0, mentionCount: 0 });
      const created = await facilitator.api.post<ChannelView>(`/api/groups/${open.id}/channels`, {
        name: 'ci-radar',
        topic: 'New signals',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'ci-radar', topic: 'New signals', groupId: open.id });
      expect((await facilitator.api.post(`/api/groups/${open.id}/channels`, { name: 'ci-radar' })).status).toBe(409);
      const renamed = await facilitator.api.patch<ChannelView>(`/api/channels/${created.body.id}`, {
        name: 'radar',
        topic: 'Signals worth a CI note',
      });
      expect(renamed.body).toMatchObject({ name: 'radar', topic: 'Signals worth a CI note' });
      const archived = await facilitator.api.patch<ChannelView>(`/api/channels/${created.body.id}`, { archived: true });
      expect(archived.body.archivedAt).not.toBeNull();
      expect((await channelsOf(ane, open)).map((c) => c.name)).toEqual(['general']);
      const all = await ane.api.get<ChannelView[]>(`/api/groups/${open.id}/channels?archived=true`);
      expect(all.body.map((c) => c.name)).toEqual(['general', 'radar']);

      const client = await connect(ane);
      const refused = await client.send(created.body.id, 'into the archive');
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    });

    it('members and observers may not manage channels; outsiders do not see a private group’s channels', async () => {
      expect((await ane.api.post(`/api/groups/${open.id}/channels`, { name: 'mine' })).status).toBe(403);
      expect((await observer.api.patch(`/api/channels/${general.id}`, { topic: 'x' })).status).toBe(403);
      expect((await outsider.api.get(`/api/groups/${secret.id}/channels`)).status).toBe(404);
      expect((await outsider.api.get(`/api/channels/${secretGeneral.id}/messages`)).status).toBe(404);
      expect((await outsider.api.patch(`/api/channels/${secretGeneral.id}`, { topic: 'x' })).status).toBe(404);
      expect((await outsider.api.get(`/api/groups/${open.id}/channels`)).status).toBe(200);
    });

    it('answers bad input with a 400 naming the field', async () => {
      const bad = await facilitator.api.post<{ error: { details: Array<{ field: string }> } }>(
        `/api/groups/${open.id}/channels`,
        { name: 'Not A Slug!' },
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].field).toBe('name');
      const limit = await ane.api.get<{ error: { message: string } }>(`/api/channels/${general.id}/messages?limit=201`);
      expect(limit.status).toBe(400);
      expect(limit.body.error.message).toContain('limit');
      expect((await ane.api.get(`/api/channels/not-a-uuid/messages`)).status).toBe(400);
    });
  });

  describe('talking', () => {
    it('two members on different sockets see each other’s messages in seq order', async () => {
      const a = await connect(ane);
      const b = await connect(jon);
      expect((await a.join(secretGeneral.id, 0)).ok).toBe(true);
      expect((await b.join(secretGeneral.id, 0)).ok).toBe(true);
      const acked: MessageView[] = [];
      for (let i = 0; i < 6; i++) acked.push(await (i % 2 ? b : a).post(secretGeneral.id, `turn ${i}`));
      await settle(a, secretGeneral.id);
      await settle(b, secretGeneral.id);
      const first = acked[0].seq;
      expect(seqs(acked)).toEqual(range(first, first + 5));
      // Each sees the other's messages as broadcasts and its own as acks: together, the whole conversation.
      const seenByA = [...a.received('message:new'), ...acked.filter((m) => m.authorId === ane.id)];
      const seenByB = [...b.received('message:new'), ...acked.filter((m) => m.authorId === jon.id)];
      for (const seen of [seenByA, seenByB]) {
        expect(seqs(seen).sort((x, y) => x - y)).toEqual(seqs(acked));
      }
      expect(seqs(a.received('message:new'))).toEqual(seqs(acked.filter((m) => m.authorId === jon.id)));
      expect((await history(ane, secretGeneral.id)).map((m) => m.body)).toEqual(acked.map((m) => m.body));
    });

    it('an observer receives messages but cannot post', async () => {
      const watcher = await connect(observer);
      const talker = await connect(ane);
      expect((await watcher.join(secretGeneral.id)).ok).toBe(true);
      const refused = await watcher.send(secretGeneral.id, 'I only watch');
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const sent = await talker.post(secretGeneral.id, 'for the observer too');
      const got = await watcher.waitFor('message:new', (m) => m.id === sent.id);
      expect(got.body).toBe('for the observer too');
    });

    it('a mention token names the member by id: stored as a mention, shown as a chip with the name, no email', async () => {
      const talker = await connect(jon);
      const body = `thanks @[Ane](mention:${ane.id}) and @[Ghost](mention:${outsider.id})`;
      const sent = await talker.post(general.id, body);
      expect(sent.mentions).toEqual([ane.id]); // the outsider is not a member of the group
      expect(sent.html).toContain(`<span class="mention" data-user-id="${ane.id}">@Ane Arrieta`);
      expect(sent.html).toContain('@Ghost'); // plain text, no chip
      expect(sent.html).not.toContain(outsider.id);
      expect(sent.html).not.toContain(ane.email);
      const stored = (await history(ane, general.id, `?afterSeq=${sent.seq - 1}&limit=1`))[0];
      expect(stored).toMatchObject({ id: sent.id, mentions: [ane.id], html: sent.html });
      const notes = await ane.api.get<{ items: Array<{ kind: string; subjectId: string; body: string | null }> }>(
        '/api/notifications',
      );
      const note = notes.body.items.find((n) => n.subjectId === sent.id);
      expect(note).toMatchObject({ kind: 'mention' });
      expect(note?.body).toContain('thanks @Ane and @Ghost');
    });

    it('a non-member cannot join a private group’s channel, even with a valid channel id', async () => {
      const stranger = await connect(outsider);
      const joined = await stranger.join(secretGeneral.id, 0);
      expect(joined).toMatchObject({ ok: false, error: { code: 'not_found' } });
      const missing = await stranger.join(randomUUID(), 0);
      expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(joined.ok ? null : joined.error.message).toBe(missing.ok ? null : missing.error.message);
      expect(await stranger.send(secretGeneral.id, 'let me in')).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      // An open group can be read by anyone signed in, but only members post.
      expect((await stranger.join(general.id)).ok).toBe(true);
      expect(await stranger.send(general.id, 'hello')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    });

    it('renders markdown safely and refuses hostile or oversized bodies with clear errors', async () => {
      const client = await connect(ane);
      const link = await client.post(general.id, '[x](javascript:alert(1)) and [ok](https://example.org)');
      expect(link.html).not.toMatch(/href="javascript/i);
      expect(link.html).toContain('href="https://example.org"');
      const img = await client.post(general.id, '<img src=x onerror=alert(1)>');
      expect(img.html).toContain('&lt;img');
      expect(img.body).toBe('<img src=x onerror=alert(1)>');
      for (const body of XSS_CORPUS) {
        const m = await client.post(general.id, body);
        expect({ body, dangers: findHtmlDangers(m.html) }).toEqual({ body, dangers: [] });
      }
      expect((await client.send(general.id, 'a'.repeat(10_000))).ok).toBe(true);
      expect(await client.send(general.id, 'a'.repeat(10_001))).toMatchObject({
        ok: false,
        error: { code: 'payload_too_large' },
      });
      const nul = await client.send(general.id, 'nul \u0000 byte');
      expect(nul).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
      expect(nul.ok ? '' : nul.error.message).toMatch(/NUL/);
      const lone = await client.send(general.id, 'lone \uD83D surrogate');
      expect(lone).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
      expect(lone.ok ? '' : lone.error.message).toMatch(/surrogate/);
      expect(await client.send(general.id, '')).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
      expect(await client.call('message:send', { channelId: general.id, body: 'x' })).toMatchObject({
        ok: false,
        error: { code: 'validation_failed', message: expect.stringContaining('clientMsgId') },
      });
      expect(await client.call('message:send', 'not an object')).toMatchObject({
        ok: false,
        error: { code: 'validation_failed' },
      });
    });
  });

  describe('delivery guarantees', () => {
    it('the same clientMsgId sent 20 times at once gives one message; reused with another body it is a conflict', async () => {
      const client = await connect(jon);
      const clientMsgId = randomUUID();
      const acks = await Promise.all(range(1, 20).map(() => client.send(general.id, 'once only', { clientMsgId })));
      expect(acks.every((a) => a.ok)).toBe(true);
      const ids = new Set(acks.map((a) => (a.ok ? a.message.id : null)));
      expect(ids.size).toBe(1);
      const all = await history(jon, general.id, '?limit=200');
      expect(all.filter((m) => m.clientMsgId === clientMsgId)).toHaveLength(1);
      expect(await client.send(general.id, 'another body', { clientMsgId })).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      });
      expect(await client.send(secretGeneral.id, 'once only', { clientMsgId })).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      });
    });

    it('the same clientMsgId resent from five connections over many commits is stored once, and each ack is it', async () => {
      // Spread over ticks and connections, the resends land in several batches (the batch that
      // must find an original it waited for is forced in channels-multiprocess.test.ts).
      const clients = await Promise.all(range(1, 5).map(() => connect(jon)));
      const clientMsgId = randomUUID();
      const acks = (
        await Promise.all(
          clients.map(async (client) => {
            const mine = [];
            for (let k = 0; k < 8; k++) {
              mine.push(client.send(general.id, 'resent a lot', { clientMsgId }));
              await new Promise((resolve) => setImmediate(resolve));
            }
            return Promise.all(mine);
          }),
        )
      ).flat();
      expect(acks.every((a) => a.ok)).toBe(true);
      expect(new Set(acks.map((a) => (a.ok ? a.message.id : null))).size).toBe(1);
      const all = await history(jon, general.id, '?limit=200');
      expect(all.filter((m) => m.clientMsgId === clientMsgId)).toHaveLength(1);
    });

    it('20 concurrent senders: a poller paging with afterSeq reads every message once, with no gap in seq', async () => {
      const channel = (
        await facilitator.api.post<ChannelView>(`/api/groups/${open.id}/channels`, {
          name: `busy-${randomUUID().slice(0, 6)}`,
        })
      ).body;
      const people = [ane, jon, facilitator, ane, jon];
      const senders = await Promise.all(range(0, 19).map((i) => connect(people[i % people.length])));
      const polled: MessageView[] = [];
      let sending = true;
      const poll = (async () => {
        let after = 0;
        for (;;) {
          const finished = !sending; // decided before the read: an empty page after that means all is read
          const page = await history(ane, channel.id, `?afterSeq=${after}&limit=200`);
          polled.push(...page);
          if (page.length) after = page.at(-1)!.seq;
          else if (finished) break;
        }
      })();
      const acked = (
        await Promise.all(
          senders.map((s, i) => Promise.all(range(1, 5).map((k) => s.post(channel.id, `sender ${i} #${k}`)))),
        )
      ).flat();
      sending = false;
      await poll;
      const stored = await history(ane, channel.id, '?afterSeq=0&limit=200');
      expect(seqs(stored)).toEqual(range(1, 100));
      expect(seqs(polled)).toEqual(range(1, 100));
      expect(new Set(acked.map((m) => m.seq)).size).toBe(100);
      expect(acked.map((m) => m.id).sort()).toEqual(stored.map((m) => m.id).sort());
    });

    it('aroundSeq gives the page around one message (a link to it), bounded and validated', async () => {
      const channel = (
        await facilitator.api.post<ChannelView>(`/api/groups/${open.id}/channels`, {
          name: `linked-${randomUUID().slice(0, 6)}`,
        })
      ).body;
      const sender = await connect(ane);
      for (const k of range(1, 30)) await sender.post(channel.id, `message ${k}`);
      type Page = { messages: MessageView[]; lastSeq: number; hasMore: boolean; hasMoreAfter?: boolean };
      const around = async (query: string) => {
        const res = await jon.api.get<Page>(`/api/channels/${channel.id}/messages?${query}`);
        expect(res.status).toBe(200);
        return res.body;
      };
      // Half before the seq, the rest from it on; older and newer ones exist on both sides.
      const middle = await around('aroundSeq=15&limit=10');
      expect(seqs(middle.messages)).toEqual(range(10, 19));
      expect(middle).toMatchObject({ lastSeq: 30, hasMore: true, hasMoreAfter: true });
      // At the edges the page is short on that side, and says so.
      const first = await around('aroundSeq=1&limit=10');
      expect(seqs(first.messages)).toEqual(range(1, 5));
      expect(first).toMatchObject({ hasMore: false, hasMoreAfter: true });
      const last = await around('aroundSeq=29&limit=10');
      expect(seqs(last.messages)).toEqual(range(24, 30));
      expect(last).toMatchObject({ hasMore: true, hasMoreAfter: false });
      // The default limit (50): at most 25 before and 25 from it on.
      expect(seqs((await around('aroundSeq=5')).messages)).toEqual(range(1, 29));
      // Past the end: the newest messages before it.
      expect(seqs((await around('aroundSeq=1000&limit=4')).messages)).toEqual(range(29, 30));

      for (const bad of [
        'aroundSeq=0',
        'aroundSeq=x',
        'aroundSeq=5&beforeSeq=9',
        'aroundSeq=5&afterSeq=1',
        'aroundSeq=5&limit=201',
      ]) {
        const res = await jon.api.get<{ error: { code: string; field?: string } }>(
          `/api/channels/${channel.id}/messages?${bad}`,
        );
        expect([bad, res.status, res.body.error.code]).toEqual([bad, 400, 'validation_failed']);
      }
      // The page around a private channel's message is no more visible than its history.
      const hidden = await outsider.api.get(`/api/channels/${secretGeneral.id}/messages?aroundSeq=1`);
      expect(hidden.status).toBe(404);
    });
  });

  describe('threads, mentions, edits, deletes, pins, reactions, unread', () => {
    it('works the way a working group uses it', async () => {
      const a = await connect(ane);
      const b = await connect(jon);
      await a.join(secretGeneral.id);
      await b.join(secretGeneral.id);
      const before = (await channelsOf(jon, secret))[0];

      // A mention by display name reaches Jon as a stored notification and a live event.
      const partial = await a.post(secretGeneral.id, 'hi @Jon Etxebe-somebody-else');
      expect(partial.mentions).toEqual([]);
      const named = await a.post(secretGeneral.id, `Could you review this, @${jonName}?`);
      expect(named.mentions).toEqual([jon.id]);
      const note = await b.waitFor('notification:new', (n) => n.subjectId === named.id);
      expect(note).toMatchObject({ kind: 'mention', groupId: secret.id });
      const stored = await jon.api.get<{ items: Array<{ subjectId: string }> }>('/api/notifications');
      expect(stored.body.items.map((n) => n.subjectId)).toContain(named.id);

      // Unread and mention counts for Jon, until he marks the channel read.
      const unread = (await channelsOf(jon, secret))[0];
      expect(unread.unreadCount - before.unreadCount).toBe(2);
      expect(unread.mentionCount - before.mentionCount).toBe(1);
      const read = await b.call<{ lastReadSeq: number }>('read', { channelId: secretGeneral.id, seq: named.seq });
      expect(read).toMatchObject({ ok: true, lastReadSeq: named.seq });
      expect((await channelsOf(jon, secret))[0]).toMatchObject({
        unreadCount: 0,
        mentionCount: 0,
        lastReadSeq: named.seq,
      });

      // A thread: replies carry parentId; the root counts them.
      const reply = await b.post(secretGeneral.id, 'Looking now', { parentId: named.id });
      expect(reply.parentId).toBe(named.id);
      const rootUpdate = await a.waitFor('message:updated', (m) => m.id === named.id && m.replyCount === 1);
      expect(rootUpdate.lastReplyAt).not.toBeNull();
      expect(await b.send(secretGeneral.id, 'nested', { parentId: reply.id })).toMatchObject({
        ok: false,
        error: { code: 'validation_failed' },
      });
      expect(await b.send(general.id, 'elsewhere', { parentId: named.id })).toMatchObject({
        ok: false,
        error: { code: 'validation_failed' },
      });
      const thread = await ane.api.get<{ root: MessageView; replies: MessageView[] }>(
        `/api/messages/${reply.id}/thread`,
      );
      expect(thread.body.root).toMatchObject({ id: named.id, replyCount: 1 });
      expect(thread.body.replies.map((m) => m.id)).toEqual([reply.id]);
      expect((await outsider.api.get(`/api/messages/${reply.id}/thread`)).status).toBe(404);

      // Only the author edits; the history keeps the earlier body.
      expect(await b.call('message:edit', { messageId: named.id, body: 'hijack' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      const edited = await a.call<{ message: MessageView }>('message:edit', {
        messageId: named.id,
        body: 'Please review **this**',
      });
      expect(edited).toMatchObject({
        ok: true,
        message: { version: 2, html: expect.stringContaining('<strong>this</strong>') },
      });
      await b.waitFor('message:updated', (m) => m.id === named.id && m.version === 2);
      const edits = await jon.api.get<Array<{ version: number; body: string }>>(`/api/messages/${named.id}/edits`);
      expect(edits.body).toEqual([expect.objectContaining({ version: 1, body: named.body })]);

      // Reactions toggle.
      const on = await b.call<{ reactions: Array<{ emoji: string; count: number }> }>('reaction:toggle', {
        messageId: named.id,
        emoji: '👍',
      });
      expect(on).toMatchObject({ ok: true, reactions: [{ emoji: '👍', count: 1, userIds: [jon.id] }] });
      await a.waitFor('reaction:updated', (r) => r.messageId === named.id && r.reactions.length === 1);
      expect(await b.call('reaction:toggle', { messageId: named.id, emoji: '👍' })).toMatchObject({
        ok: true,
        reactions: [],
      });
      expect(await b.call('reaction:toggle', { messageId: named.id, emoji: 'not an emoji' })).toMatchObject({
        ok: false,
        error: { code: 'validation_failed' },
      });

      // Facilitators pin; members cannot.
      expect(await b.call('message:pin', { messageId: named.id, pinned: true })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      const boss = await connect(facilitator);
      expect(await boss.call('message:pin', { messageId: named.id, pinned: true })).toMatchObject({
        ok: true,
        message: { pinnedBy: facilitator.id },
      });
      const pins = await jon.api.get<MessageView[]>(`/api/channels/${secretGeneral.id}/pins`);
      expect(pins.body.map((m) => m.id)).toEqual([named.id]);

      // Delete: not someone else's message as a member; the author or a facilitator leaves a tombstone.
      expect(await b.call('message:delete', { messageId: named.id })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await b.call('message:delete', { messageId: reply.id })).toMatchObject({
        ok: true,
        message: { deleted: true },
      });
      const gone = await boss.call<{ message: MessageView }>('message:delete', { messageId: named.id });
      expect(gone).toMatchObject({ ok: true, message: { deleted: true, body: '', html: '', seq: named.seq } });
      await a.waitFor('message:deleted', (d) => d.messageId === named.id);
      const timeline = await history(jon, secretGeneral.id, `?afterSeq=${named.seq - 1}`);
      expect(timeline[0]).toMatchObject({ id: named.id, deleted: true, body: '', reactions: [], pinnedAt: null });
      expect((await jon.api.get(`/api/messages/${named.id}/edits`)).body).toEqual([]);
      expect(await a.call('message:edit', { messageId: named.id, body: 'back' })).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      });
    });
  });

  describe('connections', () => {
    it('refuses a foreign Origin, a missing or bad token; accepts the cookie and same-origin', async () => {
      const url = world.app.url;
      expect(await SocketClient.refusal(url, { token: ane.token, origin: 'https://evil.example' })).toMatchObject({
        code: 'forbidden',
      });
      expect(
        await SocketClient.refusal(url, { cookie: `auzolan_session=${ane.token}`, origin: 'https://evil.example' }),
      ).toMatchObject({
        code: 'forbidden',
      });
      expect(await SocketClient.refusal(url, {})).toMatchObject({ code: 'unauthenticated' });
      expect(await SocketClient.refusal(url, { token: 'not-a-session' })).toMatchObject({ code: 'unauthenticated' });
      expect(
        await SocketClient.refusal(url, { token: ane.token, origin: url.replace('127.0.0.1', '127.0.0.1') }),
      ).toBeNull();
      expect(await SocketClient.refusal(url, { cookie: `auzolan_session=${ane.token}` })).toBeNull();
    });

    it('lists who is online in a group, and updates it as people come and go', async () => {
      const newcomer = await world.createPerson({ displayName: 'Newcomer' });
      await world.addMember(secret, newcomer, 'member');
      const watcher = await connect(facilitator);
      const arriving = await SocketClient.connect(world.app.url, newcomer.token);
      await watcher.waitFor('presence', (p) => p.groupId === secret.id && p.online.includes(newcomer.id));
      const asked = await watcher.call<{ online: string[] }>('presence:get', { groupId: secret.id });
      expect(asked).toMatchObject({ ok: true, online: expect.arrayContaining([facilitator.id, newcomer.id]) });
      expect(asked.ok && asked.online).not.toContain(outsider.id);
      expect(await (await connect(outsider)).call('presence:get', { groupId: secret.id })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      watcher.clear();
      arriving.close();
      await watcher.waitFor('presence', (p) => p.groupId === secret.id && !p.online.includes(newcomer.id));
    });

    it('refuses oversized events and rate-limits a flood, and the server stays healthy', async () => {
      const flooder = await world.createPerson({ displayName: 'Flood' });
      await world.addMember(open, flooder, 'member');
      const client = await connect(flooder);
      const big = await client.call('message:send', {
        channelId: general.id,
        body: 'x',
        clientMsgId: randomUUID(),
        pad: 'y'.repeat(70_000),
      });
      expect(big).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
      const acks = await Promise.all(range(1, 400).map(() => client.call('typing', { channelId: general.id })));
      const limited = acks.filter((a) => !a.ok && a.error.code === 'rate_limited');
      expect(limited.length).toBeGreaterThan(0);
      expect(acks.every((a) => a.ok || a.error.code === 'rate_limited')).toBe(true);
      expect((await world.api.get('/api/health')).status).toBe(200);
      const other = await connect(jon);
      expect((await other.send(general.id, 'still fine')).ok).toBe(true);
    });
  });
});
