import { Group, Person, World } from './factories';
import { Api } from './support/http';
import { createDoc, Doc, filesEnv, PDF, upload } from './support/knowledge';

/**
 * The knowledge store's access matrix: every endpoint × every kind of caller × an open and
 * a private group. Members write, observers read only, non-members of a private group get
 * 404 everywhere (documents, revisions, files), drafts are hidden from all but their author
 * and facilitators, and deleted documents from all but admins.
 */
type Who = 'admin' | 'facilitator' | 'member' | 'observer' | 'nonMember' | 'anonymous';
type Need = 'read' | 'contribute' | 'facilitatorDraft' | 'deleteOthers' | 'adminDeleted';
type Visibility = 'open' | 'private';

describe('knowledge store access policy', () => {
  let world: World;
  const people = {} as Record<Exclude<Who, 'anonymous' | 'admin'>, Person>;
  const groups = {} as Record<Visibility, Group>;
  /** A published page with two revisions, a file-backed resource and a meeting summary per group. */
  const fixtures = {} as Record<Visibility, { page: Doc; resource: Doc; summary: Doc; fileId: string }>;

  beforeAll(async () => {
    world = await World.start(filesEnv());
    for (const who of ['facilitator', 'member', 'observer', 'nonMember'] as const) {
      people[who] = await world.createPerson();
    }
    const org = await world.createOrganisation();
    for (const visibility of ['open', 'private'] as const) {
      const group = await world.createGroup({ visibility });
      await world.addMember(group, people.facilitator, 'facilitator');
      await world.addMember(group, people.member, 'member');
      await world.addMember(group, people.observer, 'observer');
      groups[visibility] = group;
      const f = people.facilitator;
      const page = await createDoc(f, group, { title: 'Hydrogen roadmap', body: 'v1', tags: ['hydrogen'] });
      await f.api.put(`/api/documents/${page.id}`, { baseVersion: 1, body: 'v2 links [[Hydrogen roadmap]]' });
      const file = await upload(f, world.app.url, group.id, 'radar.pdf', PDF);
      const resource = await createDoc(f, group, { kind: 'resource', title: 'Radar', fileId: file.body.id });
      const summary = await createDoc(f, group, {
        kind: 'meeting_summary',
        title: 'Kick-off',
        status: 'published',
        actionItems: [{ description: 'Map hydrogen pilots', ownerOrganisationId: org.id }],
      });
      fixtures[visibility] = { page: { ...page, version: 2 }, resource, summary, fileId: file.body.id };
    }
  });

  afterAll(async () => {
    expect(await world.close()).toEqual([]);
  });

  const api = (who: Who): Api =>
    who === 'anonymous' ? world.api : who === 'admin' ? world.admin.api : people[who].api;

  function expected(who: Who, visibility: Visibility, need: Need): number {
    if (who === 'anonymous') return 401;
    const hiddenGroup = visibility === 'private' && who === 'nonMember';
    switch (need) {
      case 'read':
        return hiddenGroup ? 404 : 200;
      case 'contribute':
        if (hiddenGroup) return 404;
        return who === 'observer' || who === 'nonMember' ? 403 : 200;
      case 'facilitatorDraft':
        // A facilitator's draft is invisible to everyone else but admins.
        return who === 'admin' || who === 'facilitator' ? 200 : 404;
      case 'deleteOthers':
        if (hiddenGroup) return 404;
        return who === 'admin' || who === 'facilitator' ? 200 : 403;
      case 'adminDeleted':
        return who === 'admin' ? 200 : 404;
    }
  }

  const facilitatorDoc = (g: Group, fields: Record<string, unknown> = {}): Promise<Doc> =>
    createDoc(people.facilitator, g, { title: `Fixture ${Math.random()}`, ...fields });

  const endpoints: Array<{
    name: string;
    need: Need;
    call: (a: Api, g: Group, v: Visibility) => Promise<{ status: number }>;
  }> = [
    { name: 'GET /groups/:id/documents', need: 'read', call: (a, g) => a.get(`/api/groups/${g.id}/documents`) },
    {
      name: 'GET /groups/:id/documents?kind&tag',
      need: 'read',
      call: (a, g) => a.get(`/api/groups/${g.id}/documents?kind=page&tag=hydrogen`),
    },
    { name: 'GET /groups/:id/tags', need: 'read', call: (a, g) => a.get(`/api/groups/${g.id}/tags`) },
    { name: 'GET /groups/:id/templates', need: 'read', call: (a, g) => a.get(`/api/groups/${g.id}/templates`) },
    { name: 'GET /groups/:id/action-items', need: 'read', call: (a, g) => a.get(`/api/groups/${g.id}/action-items`) },
    { name: 'GET /documents/:id', need: 'read', call: (a, _g, v) => a.get(`/api/documents/${fixtures[v].page.id}`) },
    {
      name: 'GET /documents/:id/revisions',
      need: 'read',
      call: (a, _g, v) => a.get(`/api/documents/${fixtures[v].page.id}/revisions`),
    },
    {
      name: 'GET /documents/:id/revisions/:version',
      need: 'read',
      call: (a, _g, v) => a.get(`/api/documents/${fixtures[v].page.id}/revisions/1`),
    },
    {
      name: 'GET /documents/:id/revisions/:a/diff/:b',
      need: 'read',
      call: (a, _g, v) => a.get(`/api/documents/${fixtures[v].page.id}/revisions/1/diff/2`),
    },
    {
      name: 'GET /documents/:id/backlinks',
      need: 'read',
      call: (a, _g, v) => a.get(`/api/documents/${fixtures[v].page.id}/backlinks`),
    },
    { name: 'GET /files/:id', need: 'read', call: (a, _g, v) => a.get(`/api/files/${fixtures[v].fileId}`) },
    {
      name: 'POST /markdown/preview (in a group)',
      need: 'read',
      call: (a, g) => a.post('/api/markdown/preview', { source: '[[Hydrogen roadmap]]', groupId: g.id }),
    },
    {
      name: 'POST /groups/:id/documents',
      need: 'contribute',
      call: (a, g) => a.post(`/api/groups/${g.id}/documents`, { kind: 'ci_note', title: 'Signal' }),
    },
    {
      name: 'PUT /documents/:id',
      need: 'contribute',
      call: async (a, g) => {
        const doc = await facilitatorDoc(g);
        return a.put(`/api/documents/${doc.id}`, { baseVersion: 1, body: 'edited' });
      },
    },
    {
      name: 'POST /documents/:id/revisions/:version/restore',
      need: 'contribute',
      call: async (a, g) => {
        const doc = await facilitatorDoc(g);
        return a.post(`/api/documents/${doc.id}/revisions/1/restore`, {});
      },
    },
    {
      name: 'PATCH /action-items/:id',
      need: 'contribute',
      call: (a, _g, v) => a.patch(`/api/action-items/${fixtures[v].summary.actionItems![0].id}`, { status: 'done' }),
    },
    {
      name: 'POST /documents/:id/publish (a facilitator’s draft summary)',
      need: 'facilitatorDraft',
      call: async (a, g) => {
        const draft = await facilitatorDoc(g, { kind: 'meeting_summary' });
        return a.post(`/api/documents/${draft.id}/publish`);
      },
    },
    {
      name: 'GET /documents/:id (a facilitator’s draft)',
      need: 'facilitatorDraft',
      call: async (a, g) => a.get(`/api/documents/${(await facilitatorDoc(g, { status: 'draft' })).id}`),
    },
    {
      name: 'DELETE /documents/:id (someone else’s)',
      need: 'deleteOthers',
      call: async (a, g) => a.delete(`/api/documents/${(await facilitatorDoc(g)).id}`),
    },
    {
      name: 'POST /documents/:id/restore (deleted)',
      need: 'adminDeleted',
      call: async (a, g) => {
        const doc = await facilitatorDoc(g);
        await people.facilitator.api.delete(`/api/documents/${doc.id}`);
        return a.post(`/api/documents/${doc.id}/restore`);
      },
    },
    {
      name: 'GET /documents/:id/revisions (deleted)',
      need: 'adminDeleted',
      call: async (a, g) => {
        const doc = await facilitatorDoc(g);
        await people.facilitator.api.delete(`/api/documents/${doc.id}`);
        return a.get(`/api/documents/${doc.id}/revisions`);
      },
    },
  ];

  const whos: Who[] = ['admin', 'facilitator', 'member', 'observer', 'nonMember', 'anonymous'];
  for (const endpoint of endpoints) {
    for (const visibility of ['open', 'private'] as const) {
      it(`${endpoint.name} on a ${visibility} group answers each caller as the policy says`, async () => {
        const got: Record<string, number> = {};
        const want: Record<string, number> = {};
        for (const who of whos) {
          const res = await endpoint.call(api(who), groups[visibility], visibility);
          got[who] = res.status >= 200 && res.status < 300 ? 200 : res.status;
          want[who] = expected(who, visibility, endpoint.need);
        }
        expect(got).toEqual(want);
      });
    }
  }

  it.each(['open', 'private'] as const)(
    'POST /groups/:id/files on a %s group: members upload, observers cannot',
    async (v) => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const who of whos.filter((w) => w !== 'anonymous')) {
        const person = who === 'admin' ? world.admin : people[who];
        const res = await upload(person, world.app.url, groups[v].id, 'note.pdf', PDF);
        got[who] = res.status >= 200 && res.status < 300 ? 200 : res.status;
        want[who] = expected(who, v, 'contribute');
      }
      const anonymous = await fetch(`${world.app.url}/api/groups/${groups[v].id}/files`, { method: 'POST' });
      got.anonymous = anonymous.status;
      want.anonymous = 401;
      expect(got).toEqual(want);
    },
  );

  it('answers a hidden document, revision and file exactly like missing ones', async () => {
    const { page, fileId } = fixtures.private;
    const outsider = people.nonMember.api;
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const [hidden, absent] of [
      [`/api/documents/${page.id}`, `/api/documents/${missing}`],
      [`/api/documents/${page.id}/revisions/1`, `/api/documents/${missing}/revisions/1`],
      [`/api/files/${fileId}`, `/api/files/${missing}`],
    ]) {
      const a = await outsider.get(hidden);
      const b = await outsider.get(absent);
      expect([a.status, a.body]).toEqual([404, b.body]);
    }
  });

  it('lists drafts to their author and facilitators only', async () => {
    const draft = await createDoc(people.member, groups.open, { title: 'Member draft', status: 'draft' });
    const ids = async (p: Person): Promise<string[]> =>
      (await p.api.get<{ items: Doc[] }>(`/api/groups/${groups.open.id}/documents`)).body.items.map((d) => d.id);
    expect(await ids(people.member)).toContain(draft.id);
    expect(await ids(people.facilitator)).toContain(draft.id);
    expect(await ids(people.observer)).not.toContain(draft.id);
    expect(await ids(people.nonMember)).not.toContain(draft.id);
  });

  it('lets only facilitators mark templates and only members publish their own drafts', async () => {
    const asMember = await people.member.api.post(`/api/groups/${groups.open.id}/documents`, {
      kind: 'page',
      title: 'My template',
      templateFor: 'meeting_summary',
    });
    expect(asMember.status).toBe(403);
    const memberSummary = await people.member.api.post<Doc>(`/api/groups/${groups.open.id}/documents`, {
      kind: 'meeting_summary',
      title: 'Notes by a member',
      status: 'published',
    });
    expect(memberSummary.status).toBe(403);
    const draft = await createDoc(people.member, groups.open, { kind: 'meeting_summary', title: 'Member minutes' });
    expect(draft.status).toBe('draft');
    expect((await people.member.api.post(`/api/documents/${draft.id}/publish`)).status).toBe(403);
    expect((await people.facilitator.api.post(`/api/documents/${draft.id}/publish`)).status).toBe(200);
  });
});
