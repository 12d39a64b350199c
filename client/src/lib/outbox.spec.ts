import { Outbox, SendAck, SendPayload, KeyValueStore } from './outbox';

interface Stored {
  id: string;
  clientMsgId: string;
  body: string;
}

/** A server that stores each clientMsgId once, and can be told to lose acks. */
class FakeServer {
  stored = new Map<string, Stored>();
  calls: SendPayload[] = [];
  loseAcks = 0;
  refuseWith: string | null = null;

  transport = async (payload: SendPayload): Promise<SendAck<Stored>> => {
    this.calls.push(payload);
    if (this.refuseWith) return { ok: false, error: { code: this.refuseWith, message: 'refused' } };
    let row = this.stored.get(payload.clientMsgId);
    if (!row) {
      row = { id: `srv-${this.stored.size + 1}`, clientMsgId: payload.clientMsgId, body: payload.body };
      this.stored.set(payload.clientMsgId, row);
    }
    if (this.loseAcks > 0) {
      this.loseAcks--;
      throw new Error('operation has timed out');
    }
    return { ok: true, message: row };
  };
}

class MemoryStore implements KeyValueStore {
  data = new Map<string, string>();
  getItem = (k: string): string | null => this.data.get(k) ?? null;
  setItem = (k: string, v: string): void => void this.data.set(k, v);
}

const settle = () => new Promise((r) => setImmediate(r));

function makeOutbox(server: FakeServer, extra: Partial<ConstructorParameters<typeof Outbox<Stored>>[0]> = {}) {
  let n = 0;
  const sent: Stored[] = [];
  const outbox = new Outbox<Stored>({
    transport: server.transport,
    newId: () => `cm-${++n}`,
    autoRetries: 1,
    onSent: (m) => sent.push(m),
    ...extra,
  });
  return { outbox, sent };
}

describe('optimistic sending', () => {
  it('shows the message as sending at once, then replaces it with the stored one on ack', async () => {
    const server = new FakeServer();
    const { outbox, sent } = makeOutbox(server);
    const id = outbox.send({ channelId: 'c-1', body: 'Kaixo!' });
    expect(outbox.forChannel('c-1')).toEqual([
      expect.objectContaining({ clientMsgId: id, status: 'sending', body: 'Kaixo!' }),
    ]);
    await settle();
    expect(outbox.forChannel('c-1')).toEqual([]);
    expect(sent).toEqual([{ id: 'srv-1', clientMsgId: id, body: 'Kaixo!' }]);
  });

  it('re-sends with the same clientMsgId when an ack is lost, and the server keeps one message', async () => {
    const server = new FakeServer();
    server.loseAcks = 1;
    const { outbox, sent } = makeOutbox(server);
    const id = outbox.send({ channelId: 'c-1', body: 'once only' });
    await settle();
    await settle();
    expect(server.calls.map((c) => c.clientMsgId)).toEqual([id, id]);
    expect(server.stored.size).toBe(1);
    expect(sent).toHaveLength(1);
    expect(outbox.list()).toEqual([]);
  });

  it('marks the message failed when no ack comes after the automatic retries; a manual retry sends it', async () => {
    const server = new FakeServer();
    server.loseAcks = 2;
    const { outbox, sent } = makeOutbox(server);
    const id = outbox.send({ channelId: 'c-1', body: 'are you there?', parentId: 'root-1' });
    await settle();
    await settle();
    expect(outbox.forChannel('c-1', 'root-1')).toEqual([
      expect.objectContaining({ status: 'failed', error: 'timeout', attempts: 2 }),
    ]);
    await outbox.retry(id);
    expect(outbox.list()).toEqual([]);
    expect(sent).toHaveLength(1);
    expect(server.stored.size).toBe(1);
    expect(server.calls.every((c) => c.clientMsgId === id && c.parentId === 'root-1')).toBe(true);
  });

  it('does not retry a refusal that cannot succeed, and says why', async () => {
    const server = new FakeServer();
    server.refuseWith = 'forbidden';
    const { outbox } = makeOutbox(server);
    outbox.send({ channelId: 'c-1', body: 'observer speaking' });
    await settle();
    expect(server.calls).toHaveLength(1);
    expect(outbox.list()).toEqual([expect.objectContaining({ status: 'failed', error: 'forbidden' })]);
  });

  it('drops the pending copy when the broadcast of our own message arrives before the ack', async () => {
    const server = new FakeServer();
    let release: (a: SendAck<Stored>) => void = () => undefined;
    const { outbox, sent } = makeOutbox(server, {
      transport: () => new Promise<SendAck<Stored>>((r) => (release = r)),
    });
    const id = outbox.send({ channelId: 'c-1', body: 'race' });
    outbox.confirm(id);
    expect(outbox.list()).toEqual([]);
    release({ ok: true, message: { id: 'srv-9', clientMsgId: id, body: 'race' } });
    await settle();
    expect(sent).toHaveLength(1);
  });

  it('keeps failed messages in storage across a reload, and resends them with their ids', async () => {
    const store = new MemoryStore();
    const server = new FakeServer();
    server.loseAcks = 2;
    const first = makeOutbox(server, { storage: store });
    const id = first.outbox.send({ channelId: 'c-1', body: 'draft that must survive' });
    await settle();
    await settle();
    expect(first.outbox.list()[0].status).toBe('failed');

    const second = makeOutbox(server, { storage: store });
    expect(second.outbox.list()).toEqual([
      expect.objectContaining({ clientMsgId: id, body: 'draft that must survive' }),
    ]);
    await second.outbox.resumeAll();
    expect(second.outbox.list()).toEqual([]);
    expect(server.stored.size).toBe(1);
  });
});
