import { Group, Organisation, Person, World } from './factories';
import { Api, ErrorReply } from './support/http';

/**
 * The access matrix: every group endpoint × every kind of caller × open and private groups.
 * Rule: invisible answers 404 (never 403), visible-but-not-allowed answers 403, no session 401.
 */
type Who = 'admin' | 'facilitator' | 'member' | 'observer' | 'nonMember' | 'otherOrg' | 'anonymous';
type Need = 'read' | 'manage';

describe('access policy across the API', () => {
  let world: World;
  let orgA: Organisation;
  let orgB: Organisation;
  const people = {} as Record<Exclude<Who, 'anonymous' | 'admin'>, Person>;
  let target: Person;
  const groups = {} as Record<'open' | 'private', Group>;

  beforeAll(async () => {
    world = await World.start();
    orgA = await world.createOrganisation();
    orgB = await world.createOrganisation();
    for (const who of ['facilitator', 'member', 'observer', 'nonMember'] as const) {
      people[who] = await world.createPerson({ organisationId: orgA.id });
    }
    people.otherOrg = await world.createPerson({ organisationId: orgB.id });
    target = await world.createPerson({ organisationId: orgB.id });
    for (const visibility of ['open', 'private'] as const) {
      const group = await world.createGroup({ visibility });
      await world.addMember(group, people.facilitator, 'facilitator');
      await world.addMember(group, people.member, 'member');
      await world.addMember(group, people.observer, 'observer');
      groups[visibility] = group;
    }
  });

  afterAll(async () => {
    expect(await world.close()).toEqual([]);
  });

  const api = (who: Who): Api =>
    who === 'anonymous' ? world.api : who === 'admin' ? world.admin.api : people[who].api;

  function expected(who: Who, visibility: 'open' | 'private', need: Need): number {
    if (who === 'anonymous') return 401;
    if (who === 'admin' || who === 'facilitator') return 200;
    const isMember = who === 'member' || who === 'observer';
    if (visibility === 'private' && !isMember) return 404;
    return need === 'read' ? 200 : 403;
  }

  const endpoints: Array<{ name: string; need: Need; call: (a: Api, g: Group) => Promise<{ status: number }> }> = [
    { name: 'GET /groups/:id', need: 'read', call: (a, g) => a.get(`/api/groups/${g.id}`) },
    { name: 'GET /groups/:id/members', need: 'read', call: (a, g) => a.get(`/api/groups/${g.id}/members`) },
    {
      name: 'PATCH /groups/:id',
      need: 'manage',
      call: (a, g) => a.patch(`/api/groups/${g.id}`, { description: 'Updated by the matrix' }),
    },
    {
      name: 'PUT /groups/:id/members/:userId',
      need: 'manage',
      call: (a, g) => a.put(`/api/groups/${g.id}/members/${target.id}`, { role: 'observer' }),
    },
    {
      name: 'DELETE /groups/:id/members/:userId',
      need: 'manage',
      call: async (a, g) => {
        await world.addMember(g, target, 'member');
        return a.delete(`/api/groups/${g.id}/members/${target.id}`);
      },
    },
  ];

  const whos: Who[] = ['admin', 'facilitator', 'member', 'observer', 'nonMember', 'otherOrg', 'anonymous'];
  for (const endpoint of endpoints) {
    for (const visibility of ['open', 'private'] as const) {
      it(`${endpoint.name} on a ${visibility} group answers each caller as the policy says`, async () => {
        const got: Record<string, number> = {};
        const want: Record<string, number> = {};
        for (const who of whos) {
          const res = await endpoint.call(api(who), groups[visibility]);
          got[who] = res.status === 204 ? 200 : res.status;
          want[who] = expected(who, visibility, endpoint.need);
        }
        expect(got).toEqual(want);
      });
    }
  }

  it('a 404 for a hidden group is indistinguishable from a group that does not exist', async () => {
    const hidden = await people.nonMember.api.get(`/api/groups/${groups.private.id}`);
    const missing = await people.nonMember.api.get('/api/groups/00000000-0000-4000-8000-000000000000');
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
  });

  it('lists open groups to everyone and private groups only to their members and admins', async () => {
    const ids = async (who: Who): Promise<string[]> =>
      ((await api(who).get<Array<{ id: string }>>('/api/groups')).body ?? []).map((g) => g.id);
    expect(await ids('member')).toEqual(expect.arrayContaining([groups.open.id, groups.private.id]));
    expect(await ids('admin')).toEqual(expect.arrayContaining([groups.open.id, groups.private.id]));
    expect(await ids('otherOrg')).toContain(groups.open.id);
    expect(await ids('otherOrg')).not.toContain(groups.private.id);
    expect((await api('anonymous').get('/api/groups')).status).toBe(401);
  });

  it('tells the caller their role and what they may do', async () => {
    const asObserver = await people.observer.api.get<{ myRole: string; can: object }>(`/api/groups/${groups.open.id}`);
    expect(asObserver.body).toMatchObject({ myRole: 'observer', can: { contribute: false, manage: false } });
    const asFacilitator = await people.facilitator.api.get(`/api/groups/${groups.private.id}`);
    expect(asFacilitator.body).toMatchObject({ myRole: 'facilitator', can: { contribute: true, manage: true } });
    const me = await people.member.api.get<{ groups: Array<{ id: string; myRole: string }> }>('/api/me');
    expect(me.body.groups.map((g) => [g.id, g.myRole]).sort()).toEqual(
      [
        [groups.open.id, 'member'],
        [groups.private.id, 'member'],
      ].sort(),
    );
  });

  it('lets a person join an open group themselves, but not a private one, and leave either', async () => {
    const joiner = people.otherOrg;
    const join = await joiner.api.put(`/api/groups/${groups.open.id}/members/${joiner.id}`, { role: 'member' });
    expect(join.status).toBe(200);
    const promote = await joiner.api.put(`/api/groups/${groups.open.id}/members/${joiner.id}`, { role: 'facilitator' });
    expect(promote.status).toBe(403);
    const sneak = await joiner.api.put(`/api/groups/${groups.private.id}/members/${joiner.id}`, { role: 'member' });
    expect(sneak.status).toBe(404);
    const leave = await joiner.api.delete(`/api/groups/${groups.open.id}/members/${joiner.id}`);
    expect(leave.status).toBe(204);
  });

  describe('joining an open group by oneself', () => {
    type GroupReply = { myRole: string | null; can: { contribute: boolean; manage: boolean; join: boolean } };
    const join = (p: Person, g: Group = groups.open) =>
      p.api.put<{ role: string } & ErrorReply>(`/api/groups/${g.id}/members/${p.id}`, { role: 'member' });
    const leave = (p: Person, g: Group = groups.open) => p.api.delete(`/api/groups/${g.id}/members/${p.id}`);
    const viewOf = async (p: Person, g: Group = groups.open): Promise<GroupReply> =>
      (await p.api.get<GroupReply>(`/api/groups/${g.id}`)).body;
    const post = (p: Person) =>
      p.api.post(`/api/groups/${groups.open.id}/documents`, { kind: 'page', title: `By ${p.id}`, body: 'Hello' });
    const newcomer = () => world.createPerson({ organisationId: orgA.id });

    it('a newcomer joins an open group as a member, and may then post', async () => {
      const ane = await newcomer();
      expect((await viewOf(ane)).can.join).toBe(true);
      const joined = await join(ane);
      expect(joined.status).toBe(200);
      expect(joined.body.role).toBe('member');
      expect(await viewOf(ane)).toMatchObject({ myRole: 'member', can: { contribute: true, join: false } });
      expect((await post(ane)).status).toBe(201);
    });

    it('an observer who leaves cannot come back as a member, and is told to ask a facilitator', async () => {
      const nerea = await newcomer();
      await world.addMember(groups.open, nerea, 'observer');
      expect((await viewOf(nerea)).can.join).toBe(false);
      expect((await leave(nerea)).status).toBe(204);
      expect(await viewOf(nerea)).toMatchObject({ myRole: null, can: { join: false } });
      const rejoin = await join(nerea);
      expect(rejoin.status).toBe(403);
      expect(rejoin.body.error).toMatchObject({
        code: 'forbidden',
        message: expect.stringMatching(/ask a facilitator/),
      });
      expect((await post(nerea)).status).toBe(403);
      // Staying an observer, she cannot make herself a member either.
      await world.addMember(groups.open, nerea, 'observer');
      const promote = await join(nerea);
      expect(promote.status).toBe(403);
      expect(promote.body.error.message).toMatch(/ask a facilitator/);
      expect((await viewOf(nerea)).myRole).toBe('observer');
    });

    it('a member removed by a facilitator cannot rejoin by themselves', async () => {
      const removed = await newcomer();
      expect((await join(removed)).status).toBe(200);
      expect((await people.facilitator.api.delete(`/api/groups/${groups.open.id}/members/${removed.id}`)).status).toBe(
        204,
      );
      expect((await viewOf(removed)).can.join).toBe(false);
      const rejoin = await join(removed);
      expect(rejoin.status).toBe(403);
      expect(rejoin.body.error.message).toMatch(/removed you.*ask a facilitator/);
      expect((await post(removed)).status).toBe(403);
    });

    it('a member demoted to observer who leaves cannot come back as a member', async () => {
      const demoted = await newcomer();
      expect((await join(demoted)).status).toBe(200);
      const demote = await people.facilitator.api.put(`/api/groups/${groups.open.id}/members/${demoted.id}`, {
        role: 'observer',
      });
      expect(demote.status).toBe(200);
      expect((await leave(demoted)).status).toBe(204);
      const rejoin = await join(demoted);
      expect(rejoin.status).toBe(403);
      expect(rejoin.body.error.message).toMatch(/ask a facilitator/);
      expect((await post(demoted)).status).toBe(403);
    });

    it('a member who left by themselves may come back as a member', async () => {
      const returning = await newcomer();
      expect((await join(returning)).status).toBe(200);
      expect((await leave(returning)).status).toBe(204);
      expect((await viewOf(returning)).can.join).toBe(true);
      expect((await join(returning)).status).toBe(200);
      expect((await viewOf(returning)).myRole).toBe('member');
    });

    it('a facilitator or an admin can still set anyone’s role, also for people the rule keeps out', async () => {
      const kept = await newcomer();
      await world.addMember(groups.open, kept, 'observer');
      expect((await leave(kept)).status).toBe(204);
      const byFacilitator = await people.facilitator.api.put<{ role: string }>(
        `/api/groups/${groups.open.id}/members/${kept.id}`,
        { role: 'member' },
      );
      expect(byFacilitator.status).toBe(200);
      expect(byFacilitator.body.role).toBe('member');
      expect((await world.admin.api.delete(`/api/groups/${groups.open.id}/members/${kept.id}`)).status).toBe(204);
      const byAdmin = await world.admin.api.put<{ role: string }>(`/api/groups/${groups.open.id}/members/${kept.id}`, {
        role: 'facilitator',
      });
      expect(byAdmin.status).toBe(200);
      expect(byAdmin.body.role).toBe('facilitator');
    });

    it('self-join of a private group stays refused: hidden (404) from non-members, 403 for its observers', async () => {
      const outsider = await newcomer();
      const hidden = await join(outsider, groups.private);
      expect(hidden.status).toBe(404);
      expect(hidden.body).toEqual((await outsider.api.get(`/api/groups/${groups.private.id}`)).body);
      const observer = await join(people.observer, groups.private);
      expect(observer.status).toBe(403);
      expect(observer.body.error.message).toMatch(/ask a facilitator/);
      expect((await viewOf(people.observer, groups.private)).myRole).toBe('observer');
    });
  });

  it('only admins create groups, organisations and people; everyone signed in lists them', async () => {
    for (const who of ['facilitator', 'member', 'observer', 'otherOrg'] as const) {
      const a = api(who);
      expect((await a.post('/api/groups', { slug: 'not-allowed', name: 'No' })).status).toBe(403);
      expect((await a.post('/api/organisations', { kind: 'other', name: 'No', shortName: 'No' })).status).toBe(403);
      expect((await a.post('/api/users', { email: 'x@y.eus', password: 'long-enough', displayName: 'X' })).status).toBe(
        403,
      );
      expect((await a.get('/api/organisations')).status).toBe(200);
      expect((await a.get('/api/users')).status).toBe(200);
    }
    for (const path of ['/api/organisations', '/api/users', '/api/me']) {
      expect((await api('anonymous').get(path)).status).toBe(401);
    }
  });
});
