import { io, Socket } from 'socket.io-client';
import { LIMITS } from '../src/common/limits';
import { Group, Organisation, Person, World } from './factories';
import { createDoc, Doc, filesEnv } from './support/knowledge';

interface Notifications {
  items: Array<{ kind: string; subjectId: string; title: string; url: string }>;
  unreadCount: number;
}

/**
 * The knowledge store as its users meet it: a facilitator writes minutes from the
 * template and publishes them, members are told; pages link to each other; edits
 * conflict safely; history can be compared and restored.
 */
describe('shared knowledge store', () => {
  let world: World;
  let group: Group;
  let otherGroup: Group;
  let facilitator: Person;
  let member: Person;
  let observer: Person;
  let outsider: Person;
  let energy: Organisation;
  let maritime: Organisation;

  beforeAll(async () => {
    world = await World.start(filesEnv());
    energy = await world.createOrganisation({ name: `Energy ${Date.now()}` });
    maritime = await world.createOrganisation({ name: `Maritime ${Date.now()}` });
    facilitator = await world.createPerson({ organisationId: energy.id, displayName: 'Jon Facilitator' });
    member = await world.createPerson({ organisationId: energy.id });
    observer = await world.createPerson({ organisationId: maritime.id });
    outsider = await world.createPerson();
    group = await world.createGroup({ visibility: 'private' });
    otherGroup = await world.createGroup({ visibility: 'open' });
    await world.addMember(group, facilitator, 'facilitator');
    await world.addMember(group, member, 'member');
    await world.addMember(group, observer, 'observer');
    await world.addMember(otherGroup, facilitator, 'facilitator');
  });

  afterAll(async () => {
    expect(await world.close()).toEqual([]);
  });

  const notifications = async (p: Person): Promise<Notifications> =>
    (await p.api.get<Notifications>('/api/notifications')).body;

  async function summaryFromTemplate(): Promise<Doc> {
    const template = await createDoc(facilitator, group, {
      title: `Meeting notes template ${Math.random()}`,
      templateFor: 'meeting_summary',
      body: '## Agenda\n\n## Attendees\n\n## Decisions\n\n## Action items\n',
      tags: ['minutes'],
    });
    return createDoc(facilitator, group, {
      kind: 'meeting_summary',
      title: 'Hydrogen valley kick-off',
      templateId: template.id,
      meetingDate: '2026-02-10',
      attendees: { users: [facilitator.id, member.id], organisations: [maritime.id] },
      decisions: ['Map **hydrogen** pilots by March'],
      actionItems: [
        { description: 'Collect pilot list', ownerOrganisationId: maritime.id, dueDate: '2026-03-01' },
        { description: 'Draft survey', ownerUserId: member.id },
      ],
    });
  }

  it('a facilitator writes minutes from the template and publishes them; members and observers are notified', async () => {
    const summary = await summaryFromTemplate();
    expect(summary).toMatchObject({ status: 'draft', tags: ['minutes'], meetingDate: '2026-02-10' });
    expect(summary.body).toContain('## Agenda');
    expect(summary.decisionsHtml).toEqual(['<p>Map <strong>hydrogen</strong> pilots by March</p>\n']);
    expect((summary.attendees as { users: Array<{ id: string }> }).users.map((u) => u.id).sort()).toEqual(
      [facilitator.id, member.id].sort(),
    );
    // The draft is not visible to the member yet, and nobody has been told.
    expect((await member.api.get(`/api/documents/${summary.id}`)).status).toBe(404);
    const before = (await notifications(member)).items.length;

    const published = await facilitator.api.post<Doc>(`/api/documents/${summary.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', version: 2 });

    for (const person of [member, observer]) {
      const list = await notifications(person);
      expect(list.items.length).toBe(before + 1);
      expect(list.items[0]).toMatchObject({
        kind: 'summary_published',
        subjectId: summary.id,
        title: 'New meeting summary: Hydrogen valley kick-off',
        url: `/groups/${group.id}/documents/${summary.id}`,
      });
    }
    expect((await notifications(facilitator)).items.some((n) => n.subjectId === summary.id)).toBe(false);
    expect((await notifications(outsider)).items).toEqual([]);
    expect((await facilitator.api.post(`/api/documents/${summary.id}/publish`)).status).toBe(409);
  });

  describe('realtime', () => {
    it('publishing reaches a connected member as document:published', async () => {
      const socket: Socket = io(world.app.url, {
        auth: { token: member.token },
        transports: ['websocket'],
        reconnection: false,
      });
      try {
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
        const summary = await summaryFromTemplate();
        // Other published documents (the template itself) announce themselves too: wait for this one.
        const received = new Promise<Record<string, unknown>>((resolve) =>
          socket.on('document:published', (payload: Record<string, unknown>) => {
            if (payload.documentId === summary.id) resolve(payload);
          }),
        );
        await facilitator.api.post(`/api/documents/${summary.id}/publish`);
        expect(await received).toMatchObject({
          documentId: summary.id,
          groupId: group.id,
          kind: 'meeting_summary',
          publishedBy: facilitator.id,
        });
      } finally {
        socket.close();
      }
    });
  });

  it('lists action items across summaries, filtered by status and owner, and closes them one by one', async () => {
    const summary = await summaryFromTemplate();
    await facilitator.api.post(`/api/documents/${summary.id}/publish`);
    const items = async (q = ''): Promise<Array<{ id: string; documentId: string; status: string }>> =>
      (
        await observer.api.get<Array<{ id: string; documentId: string; status: string }>>(
          `/api/groups/${group.id}/action-items?documentId=${summary.id}${q}`,
        )
      ).body;
    expect(await items()).toHaveLength(2);
    const [byMaritime] = await items(`&owner=${maritime.id}`);
    expect(byMaritime).toMatchObject({ owner: { type: 'organisation', id: maritime.id } });
    // A person's item counts for their organisation too.
    expect((await items(`&owner=${energy.id}`)).map((i) => i.id)).toEqual([
      summary.actionItems!.find((a) => a.owner.type === 'user')!.id,
    ]);

    const done = await member.api.patch(`/api/action-items/${byMaritime.id}`, { status: 'done' });
    expect(done.body).toMatchObject({ id: byMaritime.id, status: 'done' });
    expect((await items('&status=done')).map((i) => i.id)).toEqual([byMaritime.id]);
    expect((await items('&status=open')).map((i) => i.id)).not.toContain(byMaritime.id);
    expect((await member.api.patch(`/api/action-items/${byMaritime.id}`, { status: 'closed' })).status).toBe(400);
    // Closing an item is a change of the summary, so a stale save of the summary conflicts.
    const stale = await facilitator.api.put(`/api/documents/${summary.id}`, { baseVersion: 2, decisions: [] });
    expect(stale.status).toBe(409);
  });

  it('answers a stale save with 409 and the current version, so the client can show both', async () => {
    const page = await createDoc(member, group, { title: 'Battery recycling', body: 'first' });
    const first = await facilitator.api.put<Doc>(`/api/documents/${page.id}`, { baseVersion: 1, body: 'second' });
    expect(first.body.version).toBe(2);
    const stale = await member.api.put<{ error: { code: string; details: Array<Record<string, unknown>> } }>(
      `/api/documents/${page.id}`,
      { baseVersion: 1, body: 'my edit' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.details[0]).toMatchObject({
      field: 'baseVersion',
      currentVersion: 2,
      current: { id: page.id, version: 2, body: 'second' },
    });
    expect((await member.api.get<Doc>(`/api/documents/${page.id}`)).body.body).toBe('second');
  });

  it('keeps every save as a revision, diffs them line by line, and restores an old one as a new revision', async () => {
    const page = await createDoc(member, group, { title: 'AI in manufacturing', body: 'intro\nvision\nplan\n' });
    await member.api.put(`/api/documents/${page.id}`, {
      baseVersion: 1,
      body: 'intro\ncomputer vision\nplan\nbudget\n',
    });
    await member.api.put(`/api/documents/${page.id}`, { baseVersion: 2, title: 'AI in the factory', tags: ['ai'] });
    const revisions = await observer.api.get<Array<{ version: number; action: string }>>(
      `/api/documents/${page.id}/revisions`,
    );
    expect(revisions.body.map((r) => [r.version, r.action])).toEqual([
      [3, 'update'],
      [2, 'update'],
      [1, 'create'],
    ]);
    const diff = await observer.api.get<Record<string, unknown>>(`/api/documents/${page.id}/revisions/1/diff/3`);
    expect(diff.body).toMatchObject({
      title: { from: 'AI in manufacturing', to: 'AI in the factory' },
      body: {
        chunks: [
          { op: 'equal', lines: ['intro'] },
          { op: 'remove', lines: ['vision'] },
          { op: 'add', lines: ['computer vision'] },
          { op: 'equal', lines: ['plan'] },
          { op: 'add', lines: ['budget'] },
        ],
        added: 2,
        removed: 1,
      },
      changedFields: ['tags'],
    });
    const one = await observer.api.get<{ body: string; version: number }>(`/api/documents/${page.id}/revisions/1`);
    expect(one.body).toMatchObject({ version: 1, body: 'intro\nvision\nplan\n' });
    expect((await observer.api.get(`/api/documents/${page.id}/revisions/9`)).status).toBe(404);
    expect((await observer.api.get(`/api/documents/${page.id}/revisions/abc`)).status).toBe(400);

    const restored = await member.api.post<Doc>(`/api/documents/${page.id}/revisions/1/restore`, { baseVersion: 3 });
    expect(restored.body).toMatchObject({ version: 4, title: 'AI in manufacturing', body: 'intro\nvision\nplan\n' });
    expect((await member.api.post(`/api/documents/${page.id}/revisions/1/restore`, { baseVersion: 3 })).status).toBe(
      409,
    );
  });

  it('resolves [[wiki links]] within the group and keeps backlinks up to date', async () => {
    const roadmap = await createDoc(member, group, {
      title: 'Green hydrogen roadmap',
      body: 'See [[Electrolyser suppliers]]',
    });
    expect(roadmap.bodyHtml).toContain('<span class="wikilink-missing">Electrolyser suppliers</span>');
    const suppliers = await createDoc(member, group, {
      title: 'Electrolyser suppliers',
      body: 'Back to [[green hydrogen ROADMAP]]',
    });
    expect(suppliers.bodyHtml).toContain(`data-page-id="${roadmap.id}"`);
    // The earlier page now links to the new one, without a new version.
    const refreshed = (await member.api.get<Doc>(`/api/documents/${roadmap.id}`)).body;
    expect(refreshed.bodyHtml).toContain(`href="/groups/${group.id}/documents/${suppliers.id}"`);
    expect(refreshed.version).toBe(1);
    const backlinks = async (id: string): Promise<string[]> =>
      (await observer.api.get<Doc[]>(`/api/documents/${id}/backlinks`)).body.map((d) => d.id);
    expect(await backlinks(suppliers.id)).toEqual([roadmap.id]);
    expect(await backlinks(roadmap.id)).toEqual([suppliers.id]);

    // A page of the same title in another group is not a target.
    await createDoc(facilitator, otherGroup, { title: 'Upskilling programmes', body: '' });
    const crossGroup = await createDoc(member, group, { title: 'Talent', body: '[[Upskilling programmes]]' });
    expect(crossGroup.bodyHtml).toContain('wikilink-missing');

    await member.api.put(`/api/documents/${roadmap.id}`, { baseVersion: 1, body: 'No links any more' });
    expect(await backlinks(suppliers.id)).toEqual([]);
    // Renaming the target breaks the link; deleting the source removes its backlink.
    await member.api.put(`/api/documents/${roadmap.id}`, { baseVersion: 2, title: 'Hydrogen strategy' });
    expect((await member.api.get<Doc>(`/api/documents/${suppliers.id}`)).body.bodyHtml).toContain('wikilink-missing');
    expect(await backlinks(roadmap.id)).toEqual([]);
  });

  it('counts tags per group, filters by kind and tag, and lists templates', async () => {
    const g = await world.createGroup();
    await world.addMember(g, member, 'member');
    await createDoc(member, g, { title: 'A', tags: ['Hidrógeno', 'battery recycling'] });
    await createDoc(member, g, {
      kind: 'ci_note',
      title: 'B',
      tags: ['hidrógeno'],
      sourceUrl: 'https://example.org/b',
    });
    await createDoc(member, g, { title: 'C (draft)', tags: ['hidrógeno'], status: 'draft' });
    expect((await member.api.get(`/api/groups/${g.id}/tags`)).body).toEqual([
      { tag: 'hidrógeno', count: 2 },
      { tag: 'battery recycling', count: 1 },
    ]);
    const notes = await member.api.get<{ items: Doc[]; total: number }>(
      `/api/groups/${g.id}/documents?kind=ci_note&tag=HIDRÓGENO`,
    );
    expect(notes.body.items.map((d) => d.title)).toEqual(['B']);
    expect((await member.api.get(`/api/groups/${g.id}/documents?kind=memo`)).status).toBe(400);
    expect((await member.api.get<Doc[]>(`/api/groups/${g.id}/templates`)).body).toEqual([]);
  });

  it('warns about a second CI note on the same source, with a link, but saves it', async () => {
    const first = await createDoc(member, group, {
      kind: 'ci_note',
      title: 'EU hydrogen bank auction results',
      sourceUrl: 'https://www.example.org/news/hydrogen-bank?utm_source=feed',
      publisher: 'Example News',
      publishedAt: '2026-01-15',
      relevance: 4,
      organisationsConcerned: [energy.id, maritime.id],
    });
    expect(first.warnings).toEqual([]);
    expect((first.organisationsConcerned as Array<{ id: string }>).map((o) => o.id).sort()).toEqual(
      [energy.id, maritime.id].sort(),
    );
    const second = await createDoc(member, group, {
      kind: 'ci_note',
      title: 'Hydrogen bank: second take',
      sourceUrl: 'http://example.org/news/hydrogen-bank/#comments',
    });
    expect(second.warnings).toEqual([
      expect.objectContaining({ code: 'duplicate_source', document: expect.objectContaining({ id: first.id }) }),
    ]);
    expect((await member.api.get(`/api/documents/${second.id}`)).status).toBe(200);
  });

  it('soft-deletes with the revisions; admins list and restore', async () => {
    const page = await createDoc(member, group, { title: 'Obsolete page', body: 'old' });
    expect((await member.api.delete(`/api/documents/${page.id}`)).status).toBe(204);
    expect((await member.api.get(`/api/documents/${page.id}`)).status).toBe(404);
    expect((await facilitator.api.get(`/api/documents/${page.id}/revisions`)).status).toBe(404);
    const deleted = await world.admin.api.get<{ items: Doc[] }>(`/api/groups/${group.id}/documents?deleted=true`);
    expect(deleted.body.items.map((d) => d.id)).toContain(page.id);
    expect((await member.api.get(`/api/groups/${group.id}/documents?deleted=true`)).status).toBe(403);
    const restored = await world.admin.api.post<Doc>(`/api/documents/${page.id}/restore`);
    expect(restored.body).toMatchObject({ id: page.id, version: 3 });
    const history = await member.api.get<Array<{ action: string }>>(`/api/documents/${page.id}/revisions`);
    expect(history.body.map((r) => r.action)).toEqual(['undelete', 'delete', 'create']);
  });

  it('moves a document to another group where the mover contributes', async () => {
    const page = await createDoc(facilitator, group, { title: 'Moving page', body: 'x' });
    expect((await facilitator.api.post(`/api/documents/${page.id}/move`, { groupId: otherGroup.id })).status).toBe(200);
    expect((await member.api.get(`/api/documents/${page.id}`)).body).toMatchObject({ groupId: otherGroup.id });
    const mine = await createDoc(member, group, { title: 'Not movable there' });
    expect((await member.api.post(`/api/documents/${mine.id}/move`, { groupId: otherGroup.id })).status).toBe(403);
  });

  it('renders wiki links again when a page moves: its own in the new group, and those that pointed at it', async () => {
    const there = await createDoc(facilitator, otherGroup, { title: 'Battery passport', body: 'the target there' });
    const moving = await createDoc(facilitator, group, { title: 'Recycling plan', body: 'See [[Battery passport]]' });
    expect(moving.bodyHtml).toContain('wikilink-missing');
    const pointing = await createDoc(member, group, { title: 'Plan index', body: '[[Recycling plan]]' });
    expect(pointing.bodyHtml).toContain(`data-page-id="${moving.id}"`);

    const moved = await facilitator.api.post<Doc>(`/api/documents/${moving.id}/move`, { groupId: otherGroup.id });
    expect(moved.status).toBe(200);
    expect(moved.body.bodyHtml).toContain(`data-page-id="${there.id}"`);
    const left = (await member.api.get<Doc>(`/api/documents/${pointing.id}`)).body;
    expect(left).toMatchObject({ version: 1 });
    expect(left.bodyHtml).toContain('<span class="wikilink-missing">Recycling plan</span>');

    // Restoring the first revision renders it where the page is now.
    const restored = await facilitator.api.post<Doc>(`/api/documents/${moving.id}/revisions/1/restore`, {
      baseVersion: moved.body.version,
    });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ groupId: otherGroup.id, body: 'See [[Battery passport]]' });
    expect(restored.body.bodyHtml).toContain(`data-page-id="${there.id}"`);
  });

  it.each([
    ['a title over 200 characters', { title: 'x'.repeat(201) }, 400, 'title'],
    ['an empty title', { title: '   ' }, 400, 'title'],
    ['21 tags', { title: 't', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 400, 'tags'],
    ['a 41-character tag', { title: 't', tags: ['x'.repeat(41)] }, 400, 'tags'],
    ['a javascript: source', { kind: 'ci_note', title: 't', sourceUrl: 'javascript:alert(1)' }, 400, 'sourceUrl'],
    ['relevance 6', { kind: 'ci_note', title: 't', relevance: 6 }, 400, 'relevance'],
    ['a field of another kind', { title: 't', sourceUrl: 'https://example.org' }, 400, 'sourceUrl'],
    ['a resource with neither link nor file', { kind: 'resource', title: 't' }, 400, 'linkUrl'],
    ['an impossible date', { kind: 'meeting_summary', title: 't', meetingDate: '2026-02-31' }, 400, 'meetingDate'],
    ['an unknown parent', { title: 't', parentId: '00000000-0000-4000-8000-000000000000' }, 400, 'parentId'],
    ['a body over the cap', { title: 't', body: 'é'.repeat(LIMITS.documentBodyBytes / 2 + 1) }, 413, 'body'],
  ])('refuses %s with a clear 4xx naming the field', async (_name, fields, status, field) => {
    const res = await member.api.post<{ error: { message: string } }>(`/api/groups/${group.id}/documents`, {
      kind: 'page',
      ...fields,
    });
    expect(res.status).toBe(status);
    expect(res.body.error.message).toContain(field);
  });

  it('builds a page tree and refuses cycles', async () => {
    const root = await createDoc(member, group, { title: 'Programmes' });
    const child = await createDoc(member, group, { title: 'Apprenticeships', parentId: root.id });
    const children = await member.api.get<{ items: Doc[] }>(`/api/groups/${group.id}/documents?parentId=${root.id}`);
    expect(children.body.items.map((d) => d.id)).toEqual([child.id]);
    const cycle = await member.api.put(`/api/documents/${root.id}`, { baseVersion: 1, parentId: child.id });
    expect(cycle.status).toBe(400);
  });
});
