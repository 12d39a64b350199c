import { Group, Person, World } from './factories';
import { createEvent, createQuestion, createSurvey, days, openWave } from './support/evaluation';
import { FuzzCase, FuzzGenerator } from './support/fuzz';
import { createDoc, filesEnv, PDF, upload } from './support/knowledge';
import type { OpenApiDocument } from './support/openapi';
import { SocketClient } from './support/socket';

/**
 * Hostile input generated from the server's own OpenAPI description, against a world with real
 * ids: no request may answer 5xx. Seeded and bounded; FUZZ_SEED and FUZZ_PER_OPERATION replay
 * or widen a run (e.g. FUZZ_PER_OPERATION=1000 sends every generated case).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20260312);
const PER_OPERATION = Number(process.env.FUZZ_PER_OPERATION ?? 4);
/** The member gets fewer cases: most of what they can reach, the admin reaches too. */
const PER_OPERATION_MEMBER = Math.max(1, Math.floor(PER_OPERATION / 2));

describe('hostile input, generated from the OpenAPI description', () => {
  let world: World;
  let facilitator: Person;
  let member: Person;
  let victim: Person;
  let openGroup: Group;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    world = await World.start(filesEnv());
    const org = await world.createOrganisation();
    ids.organisationId = org.id;
    facilitator = await world.createPerson({ organisationId: org.id });
    member = await world.createPerson({ organisationId: org.id });
    victim = await world.createPerson();
    ids.userId = victim.id;
    openGroup = await world.createGroup({ visibility: 'open' });
    const privateGroup = await world.createGroup({ visibility: 'private' });
    ids.groupId = openGroup.id;
    for (const g of [openGroup, privateGroup]) await world.addMember(g, facilitator, 'facilitator');
    await world.addMember(openGroup, member, 'member');
    await world.addMember(openGroup, victim, 'member');

    const channels = await facilitator.api.get<Array<{ id: string }>>(`/api/groups/${openGroup.id}/channels`);
    ids.channelId = channels.body[0].id;
    const socket = await SocketClient.connect(world.app.url, member.token);
    ids.messageId = (await socket.post(ids.channelId, 'hello @everyone')).id;
    socket.close();

    const page = await createDoc(facilitator, openGroup, { kind: 'page', title: 'Hydrogen roadmap', body: 'v1' });
    ids.documentId = page.id;
    await facilitator.api.put(`/api/documents/${page.id}`, { baseVersion: 1, body: 'v2' });
    await createDoc(facilitator, openGroup, { kind: 'ci_note', title: 'Note', sourceUrl: 'https://example.org/a' });
    const summary = await createDoc(facilitator, openGroup, {
      kind: 'meeting_summary',
      title: 'Minutes',
      meetingDate: '2026-02-10',
      actionItems: [{ description: 'Write the brief', ownerUserId: member.id, dueDate: '2026-03-31' }],
    });
    ids.actionItemId = summary.actionItems![0].id;
    const file = await upload(facilitator, world.app.url, openGroup.id, 'brief.pdf', PDF, 'application/pdf');
    ids.fileId = file.body.id;
    await createDoc(facilitator, openGroup, { kind: 'resource', title: 'Brief', fileId: file.body.id });

    const event = await createEvent(world.admin, { startsAt: days(-3) });
    ids.eventId = event.id;
    ids.questionId = await createQuestion(world.admin, 'rating', 'How useful was it?');
    const survey = await createSurvey(world.admin, { eventId: event.id, items: [{ questionId: ids.questionId }] });
    ids.surveyId = survey.id;
    ids.waveId = await openWave(world.admin, survey.id, '2026', false);
  });

  afterAll(async () => {
    expect(await world.close()).toEqual([]);
  });

  const idFor = (name: string, template: string): string => {
    if (name === 'id') return template.startsWith('/api/action-items') ? ids.actionItemId : ids.documentId;
    if (['version', 'a', 'b'].includes(name)) return '1';
    return ids[name] ?? '00000000-0000-4000-8000-000000000000';
  };

  /** Destructive routes go last, so the cases before them still find the world in place. */
  const rank = (c: { method: string; url: string }): number =>
    c.url.startsWith('/api/auth/logout') ? 2 : c.method === 'delete' ? 1 : 0;

  it('no operation answers a 5xx, as admin or as a member', async () => {
    const doc = (await world.api.get<OpenApiDocument>('/api/docs/openapi.json')).body;
    const generator = new FuzzGenerator(doc, idFor);
    const planned: Array<FuzzCase & { who: 'admin' | 'member' }> = [];
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const key = `${method} ${template}`;
        for (const [who, count] of [
          ['admin', PER_OPERATION],
          ['member', PER_OPERATION_MEMBER],
        ] as const) {
          const cases = generator.pick(generator.candidates(template, method, op), count, SEED, `${who} ${key}`);
          planned.push(...cases.map((c) => ({ ...c, who })));
        }
      }
    }
    planned.sort((a, b) => rank(a) - rank(b));

    const byClass: Record<string, number> = {};
    const failures: string[] = [];
    for (const c of planned) {
      const api = c.who === 'admin' ? world.admin.api : member.api;
      let status: number;
      try {
        status =
          c.body === undefined
            ? (await api.request(c.method.toUpperCase(), c.url)).status
            : (await api.raw(c.method.toUpperCase(), c.url, c.body)).status;
      } catch (e) {
        failures.push(
          `${c.who} ${c.method.toUpperCase()} ${c.url.slice(0, 200)} [${c.input}]: ${(e as Error).message}`,
        );
        continue;
      }
      byClass[`${Math.floor(status / 100)}xx`] = (byClass[`${Math.floor(status / 100)}xx`] ?? 0) + 1;
      if (status >= 500) {
        failures.push(`${c.who} ${c.method.toUpperCase()} ${c.url.slice(0, 200)} [${c.input}] → ${status}`);
      }
    }
    console.log(`fuzz (seed ${SEED}): ${planned.length} requests, by status: ${JSON.stringify(byClass)}`);
    expect(failures).toEqual([]);
  });
});
