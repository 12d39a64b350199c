import { Group, Person, World } from './factories';
import { ErrorReply } from './support/http';
import { createDoc } from './support/knowledge';
import { SocketClient } from './support/socket';

interface SearchReply {
  hits: Array<{ type: string; id: string; groupId: string; title: string; snippet: string; url: string }>;
  total: number;
  facets: { kind: Record<string, number>; tag: Record<string, number>; groupId: Record<string, number> };
}

/** Polls until the outbox worker has indexed what the condition waits for (it is asynchronous by design). */
async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('search through the API never leaks a word', () => {
  let world: World;
  let privateGroup: Group;
  let otherGroup: Group;
  let openGroup: Group;
  let facilitator: Person;
  let member: Person;
  let removed: Person;
  let otherObserver: Person;
  let outsider: Person;
  let otherOrgMember: Person;
  let noteId: string;
  const MARKER = 'zorblattic';

  const search = (who: Person, q: string, extra = ''): Promise<SearchReply> =>
    who.api.get<SearchReply>(`/api/search?q=${encodeURIComponent(q)}${extra}`).then((r) => {
      if (r.status !== 200) throw new Error(`search ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    });

  beforeAll(async () => {
    world = await World.start();
    const orgA = await world.createOrganisation();
    const orgB = await world.createOrganisation();
    privateGroup = await world.createGroup({ visibility: 'private', name: 'Evaluation' });
    otherGroup = await world.createGroup({ visibility: 'private', name: 'Talent' });
    openGroup = await world.createGroup({ visibility: 'open', name: 'Tech watch' });
    facilitator = await world.createPerson({ organisationId: orgA.id });
    member = await world.createPerson({ organisationId: orgA.id });
    removed = await world.createPerson({ organisationId: orgA.id });
    otherObserver = await world.createPerson({ organisationId: orgA.id });
    outsider = await world.createPerson({ organisationId: orgA.id });
    otherOrgMember = await world.createPerson({ organisationId: orgB.id });
    await world.addMember(privateGroup, facilitator, 'facilitator');
    await world.addMember(privateGroup, member, 'member');
    await world.addMember(privateGroup, removed, 'member');
    await world.addMember(otherGroup, otherObserver, 'observer');
    await world.addMember(otherGroup, otherOrgMember, 'member');
    await world.addMember(openGroup, facilitator, 'facilitator');

    // The marker word in a private note, a draft, a deleted page and a message.
    const note = await createDoc(member, privateGroup, {
      kind: 'ci_note',
      title: `Hidrógeno: ${MARKER} electrolysers`,
      body: `Battery recycling and ${MARKER}.`,
      tags: ['hydrogen', MARKER],
      sourceUrl: 'https://example.org/hydrogen',
    });
    noteId = note.id;
    await createDoc(member, privateGroup, { kind: 'page', title: `Draft ${MARKER}`, body: MARKER, status: 'draft' });
    const page = await createDoc(member, privateGroup, { kind: 'page', title: `Deleted ${MARKER}`, body: MARKER });
    expect((await member.api.delete(`/api/documents/${page.id}`)).status).toBe(204);
    const channels = await member.api.get<Array<{ id: string; name: string }>>(
      `/api/groups/${privateGroup.id}/channels`,
    );
    const socket = await SocketClient.connect(world.app.url, member.token);
    await socket.post(channels.body[0].id, `Did anyone read the ${MARKER} report?`);
    socket.socket.close();
    await world.admin.api.delete(`/api/groups/${privateGroup.id}/members/${removed.id}`);
  });

  afterAll(async () => {
    expect(await world.close()).toEqual([]);
  });

  it('finds the note and the message for a member, with highlighted snippets, but not the draft or the deleted page', async () => {
    const result = await eventually(
      () => search(member, MARKER),
      (r) => r.total >= 2,
      'the note and message to be indexed',
    );
    expect(result.hits.map((h) => h.type).sort()).toEqual(['document', 'message']);
    expect(result.hits.every((h) => h.snippet.includes(`<mark>`))).toBe(true);
    expect(result.hits.map((h) => h.title).join(' ')).not.toMatch(/Draft|Deleted/);
    expect(result.facets.kind).toEqual({ ci_note: 1, message: 1 });
    // As you type, a prefix finds the same two (the message by its body), and still no draft.
    const typed = await search(member, MARKER.slice(0, 6), '&mode=prefix&limit=12');
    expect(typed.hits.map((h) => h.type).sort()).toEqual(['document', 'message']);
    expect(typed.hits.map((h) => h.title).join(' ')).not.toMatch(/Draft|Deleted/);
  });

  it('quotes what readers see in snippets, never the markdown source', async () => {
    const word = 'quasicrystalline';
    await createDoc(member, privateGroup, {
      kind: 'page',
      title: 'Formatting',
      body: `**${word}** in [the IEA report](https://www.iea.org/reports) and \`code\` &amp; more`,
    });
    const socket = await SocketClient.connect(world.app.url, member.token);
    const channels = await member.api.get<Array<{ id: string }>>(`/api/groups/${privateGroup.id}/channels`);
    await socket.post(channels.body[0].id, `_${word}_ see **[link](https://example.org)**`);
    socket.socket.close();
    const result = await eventually(
      () => search(member, word),
      (r) => r.total >= 2,
      'the page and the message to be indexed',
    );
    const texts = result.hits.map((h) => h.snippet.replace(/<\/?mark>/g, '')).filter((t) => t.includes(word));
    expect(texts).toHaveLength(2);
    for (const text of texts) expect(text).not.toMatch(/\*\*|\]\(|`|(?<!&amp;)_\w/);
    expect(texts.join(' ')).toMatch(/the IEA report/);
  });

  it('finds nothing, and counts nothing, for a non-member, an observer of another group, a removed member and another organisation', async () => {
    await eventually(
      () => search(member, MARKER),
      (r) => r.total >= 2,
      'indexing',
    );
    for (const who of [outsider, otherObserver, removed, otherOrgMember]) {
      for (const [q, extra] of [
        [MARKER, ''],
        [MARKER, '&mode=prefix'],
        [MARKER.slice(0, 6), '&mode=prefix'],
      ]) {
        const result = await search(who, q, extra);
        expect(result).toEqual({ hits: [], total: 0, facets: { kind: {}, tag: {}, groupId: {} } });
      }
    }
    // Asking for the hidden group explicitly is a 404, as for any invisible group.
    const direct = await outsider.api.get<ErrorReply>(`/api/search?q=${MARKER}&groupId=${privateGroup.id}`);
    expect(direct.status).toBe(404);
  });

  it('finds the note once it moves to an open group', async () => {
    const moved = await facilitator.api.post(`/api/documents/${noteId}/move`, { groupId: openGroup.id });
    expect(moved.status).toBe(200);
    const result = await eventually(
      () => search(outsider, MARKER),
      (r) => r.total === 1,
      'the moved note to be found',
    );
    expect(result.hits[0]).toMatchObject({ id: noteId, groupId: openGroup.id });
  });

  it('is accent-insensitive and typo-tolerant through the API', async () => {
    await eventually(
      () => search(facilitator, 'hidrogeno'),
      (r) => r.hits.some((h) => h.id === noteId),
      'accent folding',
    );
    await eventually(
      () => search(facilitator, 'electrolysres'),
      (r) => r.hits.some((h) => h.id === noteId),
      'typos',
    );
    for (const q of ['hidrog', 'electrolysres']) {
      const typed = await search(facilitator, q, '&mode=prefix');
      expect([q, typed.hits.some((h) => h.id === noteId)]).toEqual([q, true]);
    }
  });

  it('refuses an empty or over-long query and unknown filter values with 400', async () => {
    for (const query of [
      'q=',
      'q=%20%20',
      `q=${'a'.repeat(201)}`,
      'q=x&kind=memo',
      'q=x&limit=51',
      'q=x&groupId=nope',
      'q=x&from=yesterday',
      'q=x&mode=fast',
    ]) {
      const res = await member.api.get<ErrorReply>(`/api/search?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.body.error.code).toBe('validation_failed');
    }
  });

  it('reports the engine and the outbox backlog in /api/health', async () => {
    const health = await world.api.get<{ info: { search: { engine: string; outboxPending: number } } }>('/api/health');
    expect(health.body.info.search.engine).toBe('postgres');
    expect(typeof health.body.info.search.outboxPending).toBe('number');
  });
});
