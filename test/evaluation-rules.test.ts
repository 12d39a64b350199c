import { Group, Organisation, Person, World } from './factories';
import {
  answer,
  attend,
  closeWave,
  createEvent,
  createQuestion,
  createSurvey,
  days,
  download,
  openWave,
  respond,
  SurveyView,
} from './support/evaluation';
import type { ErrorReply } from './support/http';
import { withDatabase } from './support/knowledge';

/**
 * Anonymity, permissions and bad input for events, surveys, results and participation.
 * A Cluster Day (admins') with an anonymous wave; a private group with its own survey.
 */
describe('evaluation rules', () => {
  let world: World;
  let org: Organisation;
  let people: Person[];
  let outsider: Person;
  let facilitator: Person;
  let otherFacilitator: Person;
  let group: Group;
  let privateGroup: Group;
  let survey: SurveyView;
  let wave: string;
  let groupSurvey: SurveyView;
  let groupWave: string;
  let privateWave: string;
  const TEXT = 'Zirimiri secret suggestion';

  beforeAll(async () => {
    world = await World.start();
    org = await world.createOrganisation({ sector: 'energy' });
    people = [];
    for (let i = 0; i < 4; i++)
      people.push(await world.createPerson({ organisationId: org.id, displayName: `Respondent ${i}` }));
    outsider = await world.createPerson({ organisationId: org.id, displayName: 'Not Attending' });
    facilitator = await world.createPerson();
    otherFacilitator = await world.createPerson();
    group = await world.createGroup();
    privateGroup = await world.createGroup({ visibility: 'private' });
    await world.addMember(group, facilitator, 'facilitator');
    await world.addMember(group, people[0], 'member');
    await world.addMember(privateGroup, otherFacilitator, 'facilitator');

    const day = await createEvent(world.admin, { startsAt: days(-5) });
    await attend(world.admin, day.id, people);
    const rating = await createQuestion(world.admin, 'rating', 'How was it?');
    const text = await createQuestion(world.admin, 'free_text', 'Tell us more');
    survey = await createSurvey(world.admin, {
      eventId: day.id,
      items: [{ questionId: rating }, { questionId: text }],
    });
    wave = await openWave(world.admin, survey.id, '2025', true);

    groupSurvey = await createSurvey(facilitator, { groupId: group.id, items: [{ questionId: rating }] });
    groupWave = await openWave(facilitator, groupSurvey.id, '2025', false);
    const privateSurvey = await createSurvey(otherFacilitator, {
      groupId: privateGroup.id,
      items: [{ questionId: rating }],
    });
    privateWave = await openWave(otherFacilitator, privateSurvey.id, '2025', false);
  });
  afterAll(async () => expect(await world.close()).toEqual([]));

  describe('anonymity', () => {
    let token: string;
    beforeAll(async () => {
      token = (
        await answer(people[0], wave, [
          { itemId: survey.items[0].id, rating: 2 },
          { itemId: survey.items[1].id, text: TEXT },
        ])
      ).editToken!;
      for (const p of people.slice(1))
        await answer(p, wave, [
          { itemId: survey.items[0].id, rating: 5 },
          { itemId: survey.items[1].id, text: `fine ${p.id.slice(0, 4)}` },
        ]);
    });

    it('hands the respondent an edit token; a second response without it is refused, with it edits', async () => {
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      const again = await respond(people[0], wave, [{ itemId: survey.items[0].id, rating: 3 }]);
      expect(again.status).toBe(409);
      expect((again.body as unknown as ErrorReply).error.details).toEqual([
        { field: 'editToken', reason: 'required to edit an anonymous response' },
      ]);
      const edited = await respond(
        people[0],
        wave,
        [
          { itemId: survey.items[0].id, rating: 1 },
          { itemId: survey.items[1].id, text: TEXT },
        ],
        token,
      );
      expect(edited.status).toBe(200);
      const mine = await people[0].api.get<{ responded: boolean; answers: unknown }>(`/api/waves/${wave}/response`);
      expect(mine.body).toMatchObject({ responded: true, answers: null });
      const results = await world.admin.api.get<{
        respondents: number;
        questions: Array<{ distribution: Array<{ count: number }> }>;
      }>(`/api/waves/${wave}/results`);
      expect(results.body.respondents).toBe(4);
      expect(results.body.questions[0].distribution.map((d) => d.count)).toEqual([1, 0, 0, 0, 3]);
    });

    it('no endpoint or export links a person to an answer', async () => {
      const identities = people.flatMap((p) => [p.id, p.email, `Respondent ${people.indexOf(p)}`]);
      const bodies: string[] = [];
      for (const path of [
        `/api/waves/${wave}/results`,
        `/api/waves/${wave}`,
        `/api/surveys/${survey.id}`,
        `/api/surveys`,
      ]) {
        const res = await world.admin.api.get(path);
        expect(res.status).toBe(200);
        bodies.push(JSON.stringify(res.body));
      }
      for (const table of ['questions', 'distribution', 'breakdowns', 'trend', 'free_text']) {
        const csv = await download(world.admin, world.app.url, `/api/waves/${wave}/results/csv?table=${table}`);
        expect(csv.status).toBe(200);
        bodies.push(csv.text);
      }
      for (const body of bodies) for (const id of identities) expect(body).not.toContain(id);
      expect(bodies.join('\n')).toContain(TEXT); // the text is there, without a name
      const search = await world.admin.api.get<{ total: number }>(`/api/search?q=${encodeURIComponent('Zirimiri')}`);
      expect(search.body.total).toBe(0);
    });

    it('stores anonymous responses with no person, organisation or time', async () => {
      const rows = await withDatabase(world, (q) =>
        q(`SELECT user_id, organisation_id, updated_at, organisation_kind FROM survey_responses WHERE wave_id = $1`, [
          wave,
        ]),
      );
      expect(rows).toHaveLength(4);
      for (const row of rows)
        expect(row).toEqual({
          user_id: null,
          organisation_id: null,
          updated_at: null,
          organisation_kind: 'cluster_association',
        });
    });
  });

  describe('permissions', () => {
    it('members cannot read results or participation; facilitators only their group', async () => {
      expect((await people[1].api.get(`/api/waves/${wave}/results`)).status).toBe(403);
      expect((await people[0].api.get(`/api/waves/${groupWave}/results`)).status).toBe(403);
      expect((await people[0].api.get(`/api/waves/${groupWave}/results/csv?table=questions`)).status).toBe(403);
      expect((await facilitator.api.get(`/api/waves/${groupWave}/results`)).status).toBe(200);
      expect((await facilitator.api.get(`/api/waves/${wave}/results`)).status).toBe(403);
      expect((await facilitator.api.get(`/api/waves/${privateWave}/results`)).status).toBe(404);
      expect((await people[0].api.get('/api/participation')).status).toBe(403);
      const scoped = await facilitator.api.get<{ groups: Array<{ groupId: string }> }>('/api/participation');
      expect(scoped.body.groups.map((g) => g.groupId)).toEqual([group.id]);
    });

    it('members cannot build surveys or manage events; they register themselves', async () => {
      expect((await people[0].api.post('/api/surveys', { title: 'x', groupId: group.id, items: [] })).status).toBe(403);
      expect((await people[0].api.post('/api/survey-questions', { kind: 'rating', prompt: 'x' })).status).toBe(403);
      const meeting = await createEvent(facilitator, { kind: 'group_meeting', groupId: group.id, startsAt: days(7) });
      expect((await people[0].api.put(`/api/events/${meeting.id}/attendance`, { userIds: [] })).status).toBe(403);
      const reg = await people[0].api.post<{ me: { registered: boolean }; counts: { registered: number } }>(
        `/api/events/${meeting.id}/registration`,
      );
      expect(reg.status).toBe(200);
      expect(reg.body.me.registered).toBe(true);
      expect(reg.body.counts.registered).toBe(1);
      const list = await facilitator.api.get<Array<{ user: { id: string } }>>(
        `/api/events/${meeting.id}/registrations`,
      );
      expect(list.body.map((r) => r.user.id)).toEqual([people[0].id]);
      const hidden = await createEvent(otherFacilitator, {
        kind: 'group_meeting',
        groupId: privateGroup.id,
        startsAt: days(7),
      });
      expect((await people[0].api.get(`/api/events/${hidden.id}`)).status).toBe(404);
    });
  });

  describe('bad input', () => {
    const details = (body: unknown) => (body as ErrorReply).error.details;

    it.each([0, 6])('a rating of %p is a 400 naming the field', async (rating) => {
      const res = await respond(people[0], groupWave, [{ itemId: groupSurvey.items[0].id, rating }]);
      expect(res.status).toBe(400);
      expect(details(res.body)).toEqual([{ field: 'answers.0.rating', reason: 'must be a whole number from 1 to 5' }]);
    });

    it('an answer to a question that is not in the survey is a 400', async () => {
      const res = await respond(people[0], groupWave, [{ itemId: survey.items[1].id, text: 'elsewhere' }]);
      expect(res.status).toBe(400);
      expect(details(res.body)).toEqual([{ field: 'answers.0.itemId', reason: 'is not a question of this survey' }]);
    });

    it('a response to a survey you were not invited to is a 400, and to a hidden one a 404', async () => {
      const res = await respond(outsider, wave, [{ itemId: survey.items[0].id, rating: 4 }]);
      expect(res.status).toBe(400);
      expect(details(res.body)).toEqual([{ field: 'waveId', reason: 'you are not invited to this survey' }]);
      expect((await respond(people[0], privateWave, [{ itemId: survey.items[0].id, rating: 4 }])).status).toBe(404);
    });

    it('a response to a closed wave is a 400', async () => {
      await answer(people[0], groupWave, [{ itemId: groupSurvey.items[0].id, rating: 4 }]);
      await closeWave(facilitator, groupWave);
      const res = await respond(people[0], groupWave, [{ itemId: groupSurvey.items[0].id, rating: 5 }]);
      expect(res.status).toBe(400);
      expect(details(res.body)).toEqual([{ field: 'waveId', reason: 'this survey wave is closed' }]);
    });

    it('refuses bad events, periods and tables with the field named', async () => {
      const cases: Array<[Promise<{ status: number; body: unknown }>, string]> = [
        [
          world.admin.api.post('/api/events', { kind: 'group_meeting', title: 'x', startsAt: days(1), online: true }),
          'groupId',
        ],
        [world.admin.api.post('/api/events', { kind: 'cluster_day', title: 'x', startsAt: days(1) }), 'place'],
        [world.admin.api.post('/api/events', { kind: 'party', title: 'x', startsAt: days(1), online: true }), 'kind'],
        [world.admin.api.get('/api/participation?from=2026-02-30'), 'from'],
        [world.admin.api.get('/api/participation?from=2026-03-01&to=2026-02-01'), 'from'],
        [world.admin.api.get(`/api/waves/${wave}/results/csv?table=secrets`), 'table'],
        [
          world.admin.api.post('/api/survey-questions', { kind: 'single_choice', prompt: 'x', options: ['only'] }),
          'options',
        ],
      ];
      for (const [pending, field] of cases) {
        const res = await pending;
        expect(res.status).toBe(400);
        expect(details(res.body)?.map((d) => d.field)).toContain(field);
      }
    });
  });
});
