import { Group, Organisation, Person, World } from './factories';
import { createDoc, Doc, withDatabase } from './support/knowledge';

interface OutboxRow {
  entity_id: string;
  version: string;
  op: string;
  payload: { groupId: string; title: string; kind: string; extra: Record<string, string> } | null;
}

/**
 * The search feed: every create, update, publish, delete, move and group visibility change
 * writes an outbox row in the same transaction as the change. Proven both ways: a document
 * write that fails after its outbox row was inserted leaves no row, and an outbox write that
 * fails (a constraint added to the outbox table for this test) leaves no document change.
 */
describe('search outbox written in the same transaction', () => {
  let world: World;
  let group: Group;
  let elsewhere: Group;
  let facilitator: Person;
  let member: Person;
  let org: Organisation;
  const ids = {} as Record<'page' | 'draft' | 'summary', string>;
  const MISSING = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    world = await World.start();
    org = await world.createOrganisation();
    facilitator = await world.createPerson({ organisationId: org.id });
    member = await world.createPerson();
    group = await world.createGroup();
    elsewhere = await world.createGroup();
    for (const g of [group, elsewhere]) {
      await world.addMember(g, facilitator, 'facilitator');
      await world.addMember(g, member, 'member');
    }
  });

  afterAll(async () => {
    expect(await world.close()).toEqual([]);
  });

  const outboxOf = (query: (sql: string, p?: unknown[]) => Promise<Array<Record<string, unknown>>>, id: string) =>
    query(
      `SELECT entity_id, version::text AS version, op, payload FROM search_outbox WHERE entity_id = $1 ORDER BY id`,
      [id],
    ) as unknown as Promise<OutboxRow[]>;

  it('records every change, and nothing for writes that failed after their outbox row', async () => {
    const page = await createDoc(facilitator, group, { title: 'Hydrogen valleys', body: 'v1', tags: ['hidrógeno'] });
    ids.page = page.id;
    await facilitator.api.put(`/api/documents/${page.id}`, { baseVersion: 1, body: 'v2' });
    const draft = await createDoc(member, group, { kind: 'ci_note', title: 'Draft signal', status: 'draft' });
    ids.draft = draft.id;
    await member.api.post(`/api/documents/${draft.id}/publish`);
    await facilitator.api.post(`/api/documents/${page.id}/move`, { groupId: elsewhere.id });
    await member.api.delete(`/api/documents/${draft.id}`);
    await world.admin.api.patch(`/api/groups/${elsewhere.id}`, { visibility: 'private' });

    // Fails on a foreign key after the document, its revision and its outbox row were inserted.
    const doomed = await facilitator.api.post(`/api/groups/${group.id}/documents`, {
      kind: 'meeting_summary',
      title: 'Doomed summary',
      actionItems: [{ description: 'Nobody owns this', ownerOrganisationId: MISSING }],
    });
    expect(doomed.status).toBe(400);
    const summary = await createDoc(facilitator, group, { kind: 'meeting_summary', title: 'Board minutes' });
    ids.summary = summary.id;
    const doomedSave = await facilitator.api.put(`/api/documents/${summary.id}`, {
      baseVersion: 1,
      title: 'Board minutes, revised',
      attendees: { organisations: [MISSING] },
    });
    expect(doomedSave.status).toBe(400);
    expect((await facilitator.api.get<Doc>(`/api/documents/${summary.id}`)).body).toMatchObject({
      version: 1,
      title: 'Board minutes',
    });

    await withDatabase(world, async (query) => {
      const pageRows = await outboxOf(query, ids.page);
      expect(pageRows.map((r) => [r.op, r.version, r.payload?.groupId, r.payload?.extra.visibility])).toEqual([
        ['upsert', '1', group.id, 'open'],
        ['upsert', '2', group.id, 'open'],
        ['upsert', '3', elsewhere.id, 'open'],
        ['upsert', '3', elsewhere.id, 'private'],
      ]);
      expect(pageRows[0].payload).toMatchObject({
        type: 'document',
        kind: 'page',
        title: 'Hydrogen valleys',
        tags: ['hidrógeno'],
      });
      const draftRows = await outboxOf(query, ids.draft);
      expect(draftRows.map((r) => [r.op, r.version])).toEqual([
        ['delete', '1'], // drafts are never searchable
        ['upsert', '2'],
        ['delete', '3'],
      ]);
      expect((await outboxOf(query, ids.summary)).map((r) => [r.op, r.version])).toEqual([['delete', '1']]);
      const orphans = await query(
        `SELECT count(*)::int AS n FROM search_outbox o WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = o.entity_id)`,
      );
      expect(orphans[0].n).toBe(0);
      expect(await query(`SELECT id FROM documents WHERE title = 'Doomed summary'`)).toEqual([]);
      // Make the outbox itself refuse one title, to fail the outbox write of the next test.
      await query(
        `ALTER TABLE search_outbox ADD CONSTRAINT test_outbox_refuses CHECK (payload IS NULL OR payload->>'title' <> 'Outbox refuses this')`,
      );
    });
  });

  it('rolls the document write back when its outbox write fails', async () => {
    const refused = await member.api.post(`/api/groups/${group.id}/documents`, {
      kind: 'page',
      title: 'Outbox refuses this',
      body: 'never stored',
    });
    expect(refused.status).toBe(400);
    const list = await member.api.get<{ items: Doc[] }>(`/api/groups/${group.id}/documents`);
    expect(list.body.items.map((d) => d.title)).not.toContain('Outbox refuses this');

    const page = await createDoc(member, group, { title: 'Battery recycling', body: 'kept' });
    const rename = await member.api.put(`/api/documents/${page.id}`, { baseVersion: 1, title: 'Outbox refuses this' });
    expect(rename.status).toBe(400);
    expect((await member.api.get<Doc>(`/api/documents/${page.id}`)).body).toMatchObject({
      title: 'Battery recycling',
      version: 1,
    });
    expect((await member.api.get<unknown[]>(`/api/documents/${page.id}/revisions`)).body).toHaveLength(1);

    await withDatabase(world, async (query) => {
      expect(await query(`SELECT id FROM documents WHERE title = 'Outbox refuses this'`)).toEqual([]);
      expect((await outboxOf(query, page.id)).map((r) => r.version)).toEqual(['1']);
    });
  });
});
