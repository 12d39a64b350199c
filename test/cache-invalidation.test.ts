import { Group, Organisation, PASSWORD, Person, World } from './factories';
import { createDoc } from './support/knowledge';
import { SocketClient } from './support/socket';

interface MeReply {
  user: {
    id: string;
    displayName: string;
    role: string;
    organisationId: string | null;
    organisation: { name: string } | null;
  };
  groups: Array<{ id: string; name: string; myRole: string | null; memberCount: number }>;
}
interface SearchReply {
  hits: Array<{ id: string; groupId: string }>;
  total: number;
}

/** Polls until the outbox worker has indexed something (indexing is asynchronous by design; access is not). */
async function indexed(probe: () => Promise<SearchReply>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while ((await probe()).total === 0) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} to be indexed`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Sessions, group access and /me are cached in memory. Each test first makes the server
 * cache the old state (the same request twice), changes it, and expects the very next
 * request to see the change: none of these waits or polls, so each fails if the write did
 * not invalidate what it changed.
 */
describe('cached sessions, access and /me follow every change at once', () => {
  let world: World;
  let orgA: Organisation;
  let orgB: Organisation;
  let group: Group;
  let facilitator: Person;
  const MARKER = 'quillrabbet';

  const me = async (who: Person): Promise<MeReply> => {
    const res = await who.api.get<MeReply>('/api/me');
    if (res.status !== 200) throw new Error(`/api/me ${res.status}`);
    return res.body;
  };
  const search = async (who: Person, q: string): Promise<SearchReply> => {
    const res = await who.api.get<SearchReply>(`/api/search?q=${q}`);
    if (res.status !== 200) throw new Error(`/api/search ${res.status}`);
    return res.body;
  };
  /** Twice, so the second answer certainly came from the cache. */
  const twice = async <T>(probe: () => Promise<T>): Promise<T> => {
    await probe();
    return probe();
  };
  const status = async (who: Person, path: string): Promise<number> => (await who.api.get(path)).status;

  beforeAll(async () => {
    world = await World.start();
    orgA = await world.createOrganisation();
    orgB = await world.createOrganisation();
    group = await world.createGroup({ visibility: 'private', name: 'Radar' });
    facilitator = await world.createPerson({ organisationId: orgA.id });
    await world.addMember(group, facilitator, 'facilitator');
    await createDoc(facilitator, group, { kind: 'ci_note', title: `The ${MARKER} report`, body: MARKER });
    await indexed(() => search(facilitator, MARKER), 'the private note');
  });

  afterAll(async () => {
    expect(await world.close()).toEqual([]);
  });

  it('logout: the next request with that token is refused; the person’s other session lives on', async () => {
    const person = await world.createPerson();
    const session = await world.login(person.email, PASSWORD);
    expect(await twice(() => status(session, '/api/me'))).toBe(200);
    expect((await session.api.post('/api/auth/logout')).status).toBe(204);
    expect(await status(session, '/api/me')).toBe(401);
    expect(await status(person, '/api/me')).toBe(200);
  });

  it('deactivation: every session of that person is refused on the next request, and on the socket', async () => {
    const person = await world.createPerson();
    const other = await world.login(person.email, PASSWORD);
    for (const session of [person, other]) expect(await twice(() => status(session, '/api/me'))).toBe(200);
    expect((await world.admin.api.patch(`/api/users/${person.id}`, { active: false })).status).toBe(200);
    for (const session of [person, other]) expect(await status(session, '/api/me')).toBe(401);
    expect(await SocketClient.refusal(world.app.url, { token: person.token })).toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('a platform role change shows in /me and in what the person may do, both ways', async () => {
    const person = await world.createPerson();
    const organisation = (name: string): Promise<number> =>
      person.api.post('/api/organisations', { kind: 'other', name, shortName: 'Org' }).then((r) => r.status);
    expect((await twice(() => me(person))).user.role).toBe('member');
    expect(await organisation(`Refused ${person.id}`)).toBe(403);
    expect((await world.admin.api.patch(`/api/users/${person.id}`, { role: 'admin' })).status).toBe(200);
    expect((await me(person)).user.role).toBe('admin');
    expect(await organisation(`Allowed ${person.id}`)).toBe(201);
    expect(await status(person, `/api/groups/${group.id}`)).toBe(200); // admins read private groups
    expect((await world.admin.api.patch(`/api/users/${person.id}`, { role: 'member' })).status).toBe(200);
    expect(await organisation(`Refused again ${person.id}`)).toBe(403);
    expect(await status(person, `/api/groups/${group.id}`)).toBe(404);
  });

  it('name and organisation changes, by an admin, by the person, or of the organisation, show in /me at once', async () => {
    const person = await world.createPerson({ organisationId: orgA.id });
    expect((await twice(() => me(person))).user.organisationId).toBe(orgA.id);
    const moved = await world.admin.api.patch(`/api/users/${person.id}`, {
      displayName: 'Miren Agirre',
      organisationId: orgB.id,
    });
    expect(moved.status).toBe(200);
    expect((await me(person)).user).toMatchObject({ displayName: 'Miren Agirre', organisationId: orgB.id });
    expect((await person.api.patch('/api/me', { displayName: 'Miren A.' })).status).toBe(200);
    expect((await me(person)).user.displayName).toBe('Miren A.');
    const renamed = `Renamed ${orgB.name}`.slice(0, 200);
    expect((await world.admin.api.patch(`/api/organisations/${orgB.id}`, { name: renamed })).status).toBe(200);
    expect((await me(person)).user.organisation?.name).toBe(renamed);
  });

  it('membership removal: REST 404, no search hits, gone from /me, refused on the socket — on the next request', async () => {
    const person = await world.createPerson();
    await world.addMember(group, person, 'member');
    const [channel] = (await person.api.get<Array<{ id: string }>>(`/api/groups/${group.id}/channels`)).body;
    const socket = await SocketClient.connect(world.app.url, person.token);
    try {
      expect(await twice(() => status(person, `/api/groups/${group.id}`))).toBe(200);
      expect((await twice(() => search(person, MARKER))).total).toBe(1);
      expect((await twice(() => me(person))).groups.map((g) => g.id)).toEqual([group.id]);
      expect(await socket.call('presence:get', { groupId: group.id })).toMatchObject({ ok: true });
      expect(await socket.join(channel.id)).toMatchObject({ ok: true });

      expect((await world.admin.api.delete(`/api/groups/${group.id}/members/${person.id}`)).status).toBe(204);
      expect(await status(person, `/api/groups/${group.id}`)).toBe(404);
      expect(await status(person, `/api/groups/${group.id}/documents`)).toBe(404);
      expect(await search(person, MARKER)).toMatchObject({ total: 0, hits: [] });
      expect((await me(person)).groups).toEqual([]);
      expect(await socket.call('presence:get', { groupId: group.id })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      expect(await socket.join(channel.id)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    } finally {
      socket.close();
    }
  });

  it('joining and a role change apply at once, and the other members see the new member count', async () => {
    const person = await world.createPerson();
    const before = (await twice(() => me(facilitator))).groups.find((g) => g.id === group.id)!.memberCount;
    expect(await twice(() => status(person, `/api/groups/${group.id}`))).toBe(404);
    expect((await twice(() => search(person, MARKER))).total).toBe(0);

    await world.addMember(group, person, 'observer');
    expect(await status(person, `/api/groups/${group.id}`)).toBe(200);
    expect((await search(person, MARKER)).total).toBe(1);
    expect((await me(person)).groups).toMatchObject([{ id: group.id, myRole: 'observer' }]);
    expect((await me(facilitator)).groups.find((g) => g.id === group.id)!.memberCount).toBe(before + 1);
    const write = (): Promise<number> =>
      person.api
        .post(`/api/groups/${group.id}/documents`, { kind: 'page', title: 'Notes', body: 'x' })
        .then((r) => r.status);
    expect(await write()).toBe(403);

    await world.addMember(group, person, 'member');
    expect((await me(person)).groups).toMatchObject([{ id: group.id, myRole: 'member' }]);
    expect(await write()).toBe(201);
  });

  it('a visibility change hides an open group and its content from outsiders at once, and shows it again', async () => {
    const open = await world.createGroup({ visibility: 'open', name: 'Open radar' });
    await world.addMember(open, facilitator, 'facilitator');
    const word = 'vexthornia';
    await createDoc(facilitator, open, { kind: 'ci_note', title: `Open ${word}`, body: word });
    const outsider = await world.createPerson();
    await indexed(() => search(outsider, word), 'the open note');
    expect(await twice(() => status(outsider, `/api/groups/${open.id}`))).toBe(200);
    expect((await twice(() => search(outsider, word))).total).toBe(1);

    expect((await world.admin.api.patch(`/api/groups/${open.id}`, { visibility: 'private' })).status).toBe(200);
    expect(await status(outsider, `/api/groups/${open.id}`)).toBe(404);
    expect((await search(outsider, word)).total).toBe(0);
    expect((await me(facilitator)).groups.find((g) => g.id === open.id)).toBeDefined();

    expect(
      (await world.admin.api.patch(`/api/groups/${open.id}`, { visibility: 'open', name: 'Radar 2' })).status,
    ).toBe(200);
    expect(await status(outsider, `/api/groups/${open.id}`)).toBe(200);
    expect((await search(outsider, word)).total).toBe(1);
    expect((await me(facilitator)).groups.find((g) => g.id === open.id)?.name).toBe('Radar 2');
  });

  it('a new open group is readable and searchable by everyone', async () => {
    const person = await world.createPerson();
    const word = 'plumgarvix';
    expect((await twice(() => search(person, word))).total).toBe(0); // caches the groups this person may read
    const fresh = await world.createGroup({ visibility: 'open' });
    expect(await status(person, `/api/groups/${fresh.id}`)).toBe(200);
    await world.addMember(fresh, facilitator, 'facilitator');
    await createDoc(facilitator, fresh, { kind: 'ci_note', title: `New ${word}`, body: word });
    // Waits for indexing only: 20 s, well below the caches' 60 s TTL, so a stale list of readable groups fails here.
    await indexed(() => search(person, word), 'the note in the new group');
  });
});
