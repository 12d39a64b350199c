import { Group, Person, World } from './factories';
import { createDoc, withDatabase } from './support/knowledge';
import { SocketClient } from './support/socket';

interface SearchReply {
  hits: Array<{ type: string; id: string; groupId: string; title: string; url: string }>;
  total: number;
  facets: { kind: Record<string, number>; tag: Record<string, number>; groupId: Record<string, number> };
}

/** Polls until the outbox worker has indexed the starting state (asynchronous by design). */
async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Search checks each hit against the current state, so a lagging index never shows a former
 * reader a page moved into a private group, a deleted page or a deleted message.
 *
 * The index is made stale on purpose, deterministically, through the outbox's own delay:
 * a trigger (installed from the test's own connection) gives every new outbox row an
 * `available_at` a day ahead, exactly as a batch waiting for its retry, so the worker leaves
 * the changes pending while they are committed in the tables. Holding the worker's lease row
 * would not do: a worker trusts its lease for a third of its length without asking again, and
 * in embedded mode it takes the lease at once (it is the only process). The trigger works the
 * same on PGlite (the server is stopped around the SQL) and on a server.
 */
describe('search checks access against the current state, whatever the index still holds', () => {
  let world: World;
  let open: Group;
  let closed: Group;
  let author: Person;
  let reader: Person;
  let insider: Person;
  let movedId: string;
  let deletedId: string;
  let messageId: string;
  const MARKER = 'quarnevolt';

  const search = (who: Person, q: string, extra = ''): Promise<SearchReply> =>
    who.api.get<SearchReply>(`/api/search?q=${encodeURIComponent(q)}${extra}`).then((r) => {
      if (r.status !== 200) throw new Error(`search ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    });

  beforeAll(async () => {
    world = await World.start();
    open = await world.createGroup({ visibility: 'open', name: 'Tech watch' });
    closed = await world.createGroup({ visibility: 'private', name: 'Evaluation' });
    author = await world.createPerson();
    reader = await world.createPerson();
    insider = await world.createPerson();
    await world.addMember(open, author, 'facilitator');
    await world.addMember(closed, author, 'member');
    await world.addMember(closed, insider, 'member');

    movedId = (await createDoc(author, open, { title: `Moving ${MARKER}`, body: 'Soon private.' })).id;
    deletedId = (await createDoc(author, open, { title: `Deleting ${MARKER}`, body: 'Soon gone.' })).id;
    const channels = await author.api.get<Array<{ id: string }>>(`/api/groups/${open.id}/channels`);
    const socket = await SocketClient.connect(world.app.url, author.token);
    messageId = (await socket.post(channels.body[0].id, `A ${MARKER} message, soon deleted`)).id;
    socket.socket.close();
    await eventually(
      () => search(reader, MARKER),
      (r) => r.total === 3,
      'the two pages and the message to be indexed',
    );

    // From here on the worker leaves every change pending: the index stays as it is.
    await withDatabase(world, async (query) => {
      await query(`CREATE FUNCTION test_postpone_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN NEW.available_at := now() + interval '1 day'; RETURN NEW; END $$`);
      await query(`CREATE TRIGGER test_postpone_outbox BEFORE INSERT ON search_outbox
        FOR EACH ROW EXECUTE FUNCTION test_postpone_outbox()`);
    });

    const moved = await author.api.post(`/api/documents/${movedId}/move`, { groupId: closed.id });
    expect(moved.status).toBe(200);
    expect((await author.api.delete(`/api/documents/${deletedId}`)).status).toBe(204);
    const again = await SocketClient.connect(world.app.url, author.token);
    const deleted = await again.call('message:delete', { messageId });
    again.socket.close();
    expect(deleted.ok).toBe(true);

    // The index really is stale: the three entries are as before, the changes wait in the outbox.
    await withDatabase(world, async (query) => {
      const entries = await query(
        `SELECT id::text, group_id::text AS "groupId", deleted FROM search_entries WHERE id = ANY($1::uuid[]) ORDER BY id`,
        [[movedId, deletedId, messageId]],
      );
      expect(entries).toEqual(
        [movedId, deletedId, messageId].sort().map((id) => ({ id, groupId: open.id, deleted: false })),
      );
      const pending = await query(`SELECT count(*)::int AS n FROM search_outbox WHERE processed_at IS NULL`);
      expect(pending).toEqual([{ n: 3 }]);
    });
  });

  afterAll(async () => {
    expect(await world.close()).toEqual([]);
  });

  it('never returns to a former reader a page moved into a private group, a deleted page or a deleted message', async () => {
    for (const extra of ['', '&mode=prefix', `&groupId=${open.id}`, '&kind=page']) {
      const result = await search(reader, MARKER, extra);
      expect(result.hits).toEqual([]);
      expect(result.total).toBe(0);
      expect(result.facets.kind).toEqual({});
      expect(result.facets.groupId).toEqual({});
    }
    const typed = await search(reader, MARKER.slice(0, 6), '&mode=prefix');
    expect(typed.hits).toEqual([]);
  });

  it('returns the moved page, in its new group, to someone who may read it there; never the deleted ones', async () => {
    const result = await search(insider, MARKER);
    expect(result.hits).toEqual([
      expect.objectContaining({
        type: 'document',
        id: movedId,
        groupId: closed.id,
        url: `/groups/${closed.id}/documents/${movedId}`,
      }),
    ]);
    expect(result.total).toBe(1);
    // Narrowed to the group the index still names, it is not there any more.
    expect((await search(insider, MARKER, `&groupId=${open.id}`)).hits).toEqual([]);
  });

  it('shows an admin neither the deleted page nor the deleted message', async () => {
    const result = await search(world.admin, MARKER);
    expect(result.hits.map((h) => h.id)).toEqual([movedId]);
  });
});
