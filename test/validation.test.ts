import { Person, World } from './factories';
import { ErrorReply, postOversized } from './support/http';

/** Bad input gets a clear 4xx naming the field and the reason; never a 5xx; nothing saved is lost. */
describe('bad input', () => {
  let world: World;
  let facilitator: Person;
  let groupId: string;

  beforeAll(async () => {
    world = await World.start();
    facilitator = await world.createPerson();
    const group = await world.createGroup({ name: 'Evaluation' });
    groupId = group.id;
    await world.addMember(group, facilitator, 'facilitator');
  });

  afterAll(async () => {
    expect(await world.close()).toEqual([]);
  });

  const fields = (res: { body: unknown }): string[] =>
    ((res.body as ErrorReply).error.details ?? []).map((d) => String(d.field));

  it('malformed JSON is a 400 validation_failed, not a 500', async () => {
    const res = await world.admin.api.raw<ErrorReply>('POST', '/api/groups', '{"slug": "x", ');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'body', reason: 'malformed JSON' }],
    });
  });

  it('a body that is not JSON at all is refused clearly', async () => {
    const res = await world.admin.api.raw<ErrorReply>('POST', '/api/groups', 'slug=x', 'text/plain');
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
    const array = await world.admin.api.raw<ErrorReply>('POST', '/api/groups', '[1,2]');
    expect(array.status).toBe(400);
  });

  it('unknown fields are rejected by name', async () => {
    const res = await world.admin.api.post<ErrorReply>('/api/groups', { slug: 'ok-slug', name: 'Ok', isAdmin: true });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(['isAdmin']);
  });

  it('wrong types name every offending field', async () => {
    const res = await world.admin.api.post<ErrorReply>('/api/groups', { slug: 42, name: ['x'], visibility: 'secret' });
    expect(res.status).toBe(400);
    expect(new Set(fields(res))).toEqual(new Set(['slug', 'name', 'visibility']));
  });

  it('over-long strings are refused with their limit', async () => {
    const res = await world.admin.api.post<ErrorReply>('/api/groups', { slug: 'long-name', name: 'n'.repeat(201) });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'name', reason: expect.stringContaining('200') }]);
    const org = await world.admin.api.post<ErrorReply>('/api/organisations', {
      kind: 'agency',
      name: 'A',
      shortName: 's'.repeat(41),
    });
    expect(fields(org)).toEqual(['shortName']);
  });

  it('control characters and NUL bytes in names are refused', async () => {
    const res = await world.admin.api.post<ErrorReply>('/api/groups', { slug: 'nul-name', name: 'Bad\u0000name' });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(['name']);
  });

  it('a non-UUID id is a 400 naming the parameter, on every kind of route', async () => {
    for (const path of [
      '/api/groups/not-a-uuid',
      '/api/groups/1/members',
      '/api/users/%27%20OR%201=1',
      '/api/organisations/xyz',
    ]) {
      const res = await world.admin.api.get<ErrorReply>(path);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const put = await world.admin.api.put<ErrorReply>(`/api/groups/${groupId}/members/nope`, { role: 'member' });
    expect(put.status).toBe(400);
    expect(fields(put)).toEqual(['userId']);
  });

  it('a 2 MB body is refused with 413 before it is parsed', async () => {
    const huge = JSON.stringify({ slug: 'huge', name: 'x', description: 'y'.repeat(2 * 1024 * 1024) });
    const res = await postOversized(`${world.app.url}/api/groups`, huge, {
      authorization: `Bearer ${world.admin.token}`,
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('emails are normalised, and look-alikes with zero-width characters are refused', async () => {
    const ok = await world.admin.api.post<{ email: string }>('/api/users', {
      email: '  Mike\u0301l@Cluster.EUS ',
      password: 'long-enough-1',
      displayName: 'Mikel',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.email).toBe('mik\u00e9l@cluster.eus');
    const clash = await world.admin.api.post<ErrorReply>('/api/users', {
      email: 'MIK\u00c9L@cluster.eus',
      password: 'long-enough-1',
      displayName: 'Mikel again',
    });
    expect(clash.status).toBe(409);
    const sneaky = await world.admin.api.post<ErrorReply>('/api/users', {
      email: 'mik\u200bel@cluster.eus',
      password: 'long-enough-1',
      displayName: 'Sneaky',
    });
    expect(sneaky.status).toBe(400);
    expect(sneaky.body.error.details).toEqual([{ field: 'email', reason: expect.stringContaining('invisible') }]);
  });

  it('passwords must be 8 to 256 characters', async () => {
    for (const password of ['short', 'p'.repeat(257)]) {
      const res = await world.admin.api.post<ErrorReply>('/api/users', {
        email: 'pw@x.eus',
        password,
        displayName: 'Pw',
      });
      expect(res.status).toBe(400);
      expect(fields(res)).toEqual(['password']);
    }
  });

  it('a conflicting slug is a 409 and the existing group is unchanged', async () => {
    const before = await world.admin.api.get<{ name: string; slug: string }>(`/api/groups/${groupId}`);
    const res = await world.admin.api.post<ErrorReply>('/api/groups', { slug: before.body.slug, name: 'Imposter' });
    expect(res.status).toBe(409);
    expect(fields(res)).toEqual(['slug']);
    const after = await world.admin.api.get<{ name: string }>(`/api/groups/${groupId}`);
    expect(after.body.name).toBe('Evaluation');
  });

  it('an invalid role or an unknown person is refused without touching memberships', async () => {
    const badRole = await facilitator.api.put<ErrorReply>(`/api/groups/${groupId}/members/${facilitator.id}`, {
      role: 'owner',
    });
    expect(badRole.status).toBe(400);
    const ghost = await facilitator.api.put<ErrorReply>(
      `/api/groups/${groupId}/members/00000000-0000-4000-8000-000000000000`,
      { role: 'member' },
    );
    expect(ghost.status).toBe(404);
    const members = await facilitator.api.get<Array<{ userId: string; role: string }>>(
      `/api/groups/${groupId}/members`,
    );
    expect(members.body).toEqual([expect.objectContaining({ userId: facilitator.id, role: 'facilitator' })]);
  });

  it('unknown API routes answer a JSON 404', async () => {
    const res = await world.admin.api.get<ErrorReply>('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});
