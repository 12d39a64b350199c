import { randomUUID } from 'node:crypto';
import type { ChannelView } from '../src/contract';
import { Group, Person, World } from './factories';
import { ErrorReply } from './support/http';
import { SocketClient } from './support/socket';

/**
 * Socket payloads go through the same validation pipe as REST bodies (each event has a DTO):
 * an ack refusing a payload names every field and its reason as a 400 does, and an id is
 * read the same whatever its case.
 */
describe('socket payloads are validated like REST bodies', () => {
  let world: World;
  let member: Person;
  let group: Group;
  let channel: ChannelView;
  let socket: SocketClient;

  beforeAll(async () => {
    world = await World.start();
    member = await world.createPerson();
    group = await world.createGroup({ visibility: 'private' });
    await world.addMember(group, member, 'member');
    channel = (await member.api.get<ChannelView[]>(`/api/groups/${group.id}/channels`)).body[0];
    socket = await SocketClient.connect(world.app.url, member.token);
  });

  afterAll(async () => {
    socket.close();
    expect(await world.close()).toEqual([]);
  });

  /** The refusal's message: REST's `field: reason` lines joined by "; ". */
  const refusal = async (event: 'message:send' | 'read' | 'channel:join', payload: unknown): Promise<string> => {
    const ack = await socket.call(event, payload);
    if (ack.ok) throw new Error(`${event} was accepted`);
    expect(ack.error.code).toBe('validation_failed');
    return ack.error.message;
  };

  it('the read marker says what POST /channels/:channelId/read says', async () => {
    const rest = await member.api.post<ErrorReply>(`/api/channels/${channel.id}/read`, { seq: '3', extra: 1 });
    expect(rest.status).toBe(400);
    const lines = (rest.body.error.details ?? []).map((d) => `${String(d.field)}: ${String(d.reason)}`);
    expect(await refusal('read', { channelId: channel.id, seq: '3', extra: 1 })).toBe(lines.join('; '));
    expect(lines).toEqual([
      'extra: property extra should not exist',
      'seq: seq must be a whole number from 0 to 9,007,199,254,740,991',
    ]);
  });

  it('names every field that is wrong, and refuses what is not an object', async () => {
    expect(await refusal('message:send', { channelId: 'x', body: '  ', clientMsgId: randomUUID(), pad: 1 })).toBe(
      'pad: property pad should not exist; channelId: channelId must be a UUID; body: body must not be empty',
    );
    expect(await refusal('message:send', { channelId: channel.id, body: 'hi', clientMsgId: 7, parentId: 'y' })).toBe(
      'parentId: parentId must be a UUID; clientMsgId: clientMsgId must be a UUID',
    );
    expect(await refusal('channel:join', { channelId: channel.id, afterSeq: -1 })).toBe(
      'afterSeq: afterSeq must be a whole number from 0 to 9,007,199,254,740,991',
    );
    for (const payload of ['text', null, [channel.id]]) {
      expect(await refusal('channel:join', payload)).toBe('payload: must be an object');
    }
  });

  it('reads an id in capitals as the same id: the sender joins the room it posts to', async () => {
    const other = await SocketClient.connect(world.app.url, member.token);
    try {
      expect((await other.call('channel:join', { channelId: channel.id.toUpperCase(), afterSeq: null })).ok).toBe(true);
      const sent = await socket.post(channel.id.toUpperCase(), 'in capitals');
      expect(sent.channelId).toBe(channel.id);
      await other.waitFor('message:new', (m) => m.id === sent.id);
    } finally {
      other.close();
    }
  });
});
