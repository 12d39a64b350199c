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
  invite,
  openWave,
  SurveyView,
} from './support/evaluation';
import { SocketClient } from './support/socket';
import { createDoc } from './support/knowledge';

/**
 * The figures on a world built for them: three associations (two in energy, one in food)
 * and a university. Seven people attend a Cluster Day; six answer its anonymous survey, then
 * a second, attributed wave is compared with it; the group's participation is counted.
 */
interface Distribution {
  value: string;
  count: number;
}
interface Results {
  invited: number;
  respondents: number;
  responseRate: number;
  basis: string;
  questions: Array<{
    itemId: string;
    prompt: string;
    version: number;
    responses: number;
    responseRate: number;
    mean: number | null;
    share45: number | null;
    suppressed: boolean;
    distribution: Distribution[] | null;
  }>;
  breakdowns: Array<{
    itemId: string;
    dimension: string;
    cells: Array<{
      value: string;
      respondents: number | null;
      mean: number | null;
      share45: number | null;
      suppressed: boolean;
    }>;
  }>;
  freeText: Array<{ answers: Array<{ text: string; respondent?: { displayName: string } }> }>;
  comparison: {
    previous: { label: string } | null;
    rows: Array<{ itemId: string; deltaMean: number | null; deltaShare45: number | null }>;
  };
  trend: Array<{
    label: string;
    respondents: number;
    invited: number;
    items: Array<{ itemId: string; share45: number | null }>;
  }>;
}

describe('evaluation figures on constructed data', () => {
  let world: World;
  let A: Organisation, B: Organisation, C: Organisation, D: Organisation;
  let a1: Person, a2: Person, a3: Person, b1: Person, b2: Person, c1: Person, d1: Person;
  let survey: SurveyView;
  let wave2025: string;
  const item = (i: number) => survey.items[i].id;

  beforeAll(async () => {
    world = await World.start();
    A = await world.createOrganisation({ sector: 'energy', name: 'Energía Alfa' });
    B = await world.createOrganisation({ sector: 'energy' });
    C = await world.createOrganisation({ sector: 'food' });
    D = await world.createOrganisation({ kind: 'academia', sector: 'research' });
    [a1, a2, a3] = [
      await world.createPerson({ organisationId: A.id, displayName: 'Ane Larrañaga' }),
      await world.createPerson({ organisationId: A.id }),
      await world.createPerson({ organisationId: A.id }),
    ];
    [b1, b2] = [await world.createPerson({ organisationId: B.id }), await world.createPerson({ organisationId: B.id })];
    c1 = await world.createPerson({ organisationId: C.id });
    d1 = await world.createPerson({ organisationId: D.id });
  });
  afterAll(async () => expect(await world.close()).toEqual([]));

  it('counts organisations invited and present at an event', async () => {
    const day = await createEvent(world.admin, { title: 'Cluster Day 2025', startsAt: days(-10) });
    await invite(world.admin, day.id, [A.id, B.id, C.id]);
    await attend(world.admin, day.id, [a1, a2, a3, b1, b2, c1, d1]);
    const event = (await world.admin.api.get<{ counts: object }>(`/api/events/${day.id}`)).body;
    expect(event.counts).toEqual({ registered: 0, attended: 7, organisationsPresent: 4 });

    const q1 = await createQuestion(world.admin, 'rating', 'How satisfied are you with the day?');
    const q2 = await createQuestion(world.admin, 'free_text', 'What should we improve?');
    const q3 = await createQuestion(world.admin, 'single_choice', 'Will you come back?', ['yes', 'no']);
    survey = await createSurvey(world.admin, {
      eventId: day.id,
      items: [{ questionId: q1 }, { questionId: q2 }, { questionId: q3 }],
    });
    wave2025 = await openWave(world.admin, survey.id, '2025', true);

    const ratings: Array<[Person, number]> = [
      [a1, 5],
      [a2, 4],
      [a3, 4],
      [b1, 3],
      [b2, 5],
      [c1, 2],
      [d1, 4],
    ];
    for (const [person, rating] of ratings) await answer(person, wave2025, [{ itemId: item(0), rating }]);
  });

  it('reports count, rate, distribution, mean and share 4–5 per question', async () => {
    const res = await world.admin.api.get<Results>(`/api/waves/${wave2025}/results`);
    expect(res.status).toBe(200);
    const r = res.body;
    expect([r.basis, r.invited, r.respondents, r.responseRate]).toEqual(['attendees', 7, 7, 1]);
    const general = r.questions[0];
    expect(general).toMatchObject({ responses: 7, responseRate: 1, mean: 3.86, share45: 0.7143, suppressed: false });
    expect(general.distribution!.map((d) => d.count)).toEqual([0, 1, 1, 3, 2]);
    // Unanswered questions of an anonymous wave show only their count.
    expect(r.questions[1]).toMatchObject({ responses: 0, suppressed: true, distribution: null });
  });

  it('hides breakdown cells under 3 respondents, and a second cell when one alone would be hidden', async () => {
    const r = (await world.admin.api.get<Results>(`/api/waves/${wave2025}/results`)).body;
    const sector = r.breakdowns.find((b) => b.itemId === item(0) && b.dimension === 'sector')!;
    expect(sector.cells).toEqual([
      { value: 'energy', respondents: 5, mean: 4.2, share45: 0.8, distribution: expect.any(Array), suppressed: false },
      { value: 'food', respondents: null, mean: null, share45: null, distribution: null, suppressed: true },
      { value: 'research', respondents: null, mean: null, share45: null, distribution: null, suppressed: true },
    ]);
    // academia has 1 respondent; hiding it alone would let 7 − 6 reveal it, so both go.
    const kind = r.breakdowns.find((b) => b.itemId === item(0) && b.dimension === 'organisation_kind')!;
    expect(kind.cells.map((c) => [c.value, c.respondents, c.suppressed])).toEqual([
      ['academia', null, true],
      ['cluster_association', null, true],
    ]);
    const csv = await download(world.admin, world.app.url, `/api/waves/${wave2025}/results/csv?table=breakdowns`);
    expect(csv.text).toContain('How satisfied are you with the day?,sector,energy,5,4.2,0.8,false\r\n');
    expect(csv.text).toContain('How satisfied are you with the day?,sector,food,,,,true\r\n');
  });

  it('rewording an answered question creates a version; past results keep their wording', async () => {
    await closeWave(world.admin, wave2025);
    const q1 = survey.items[0].questionId;
    const edited = await world.admin.api.put<{
      version: number;
      versions: Array<{ version: number; prompt: string; answers: number }>;
    }>(`/api/survey-questions/${q1}`, { prompt: 'Overall, how satisfied are you with the Cluster Day?' });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(2);
    expect(edited.body.versions.map((v) => [v.version, v.prompt, v.answers])).toEqual([
      [1, 'How satisfied are you with the day?', 7],
      [2, 'Overall, how satisfied are you with the Cluster Day?', 0],
    ]);
    const old = (await world.admin.api.get<Results>(`/api/waves/${wave2025}/results`)).body;
    expect(old.questions[0]).toMatchObject({ prompt: 'How satisfied are you with the day?', version: 1 });
  });

  it('compares a wave with the previous one, and lists attributed free text with names', async () => {
    const wave2026 = await openWave(world.admin, survey.id, '2026', false);
    await answer(a1, wave2026, [
      { itemId: item(0), rating: 5 },
      { itemId: item(1), text: 'Más café, por favor' },
      { itemId: item(2), choices: ['yes'] },
    ]);
    await answer(a2, wave2026, [
      { itemId: item(0), rating: 5 },
      { itemId: item(2), choices: ['yes'] },
    ]);
    await answer(b1, wave2026, [
      { itemId: item(0), rating: 4 },
      { itemId: item(1), text: '=1+1, "quoted"' },
      { itemId: item(2), choices: ['no'] },
    ]);
    const r = (await world.admin.api.get<Results>(`/api/waves/${wave2026}/results`)).body;
    expect(r.respondents).toBe(3);
    expect(r.responseRate).toBe(0.4286);
    expect(r.questions[0]).toMatchObject({
      prompt: 'Overall, how satisfied are you with the Cluster Day?',
      version: 2,
      mean: 4.67,
      share45: 1,
    });
    expect(r.questions[2].distribution).toEqual([
      { value: 'yes', count: 2, share: 0.6667 },
      { value: 'no', count: 1, share: 0.3333 },
    ]);
    expect(r.comparison.previous).toEqual({ waveId: wave2025, label: '2025' });
    expect(r.comparison.rows[0]).toMatchObject({ deltaMean: 0.81, deltaShare45: 0.2857 });
    expect(r.trend.map((t) => [t.label, t.respondents, t.invited, t.items[0].share45])).toEqual([
      ['2025', 7, 7, 0.7143],
      ['2026', 3, 7, 1],
    ]);
    expect(r.freeText[0].answers.map((a) => [a.text, a.respondent?.displayName])).toEqual([
      ['=1+1, "quoted"', expect.any(String)],
      ['Más café, por favor', 'Ane Larrañaga'],
    ]);

    const csv = await download(world.admin, world.app.url, `/api/waves/${wave2026}/results/csv?table=free_text`);
    expect(csv.status).toBe(200);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text).toContain(`What should we improve?,"'=1+1, ""quoted""",`);
    expect(csv.text).toContain(`What should we improve?,"Más café, por favor",Ane Larrañaga,Energía Alfa\r\n`);
    const trend = await download(world.admin, world.app.url, `/api/waves/${wave2026}/results/csv?table=trend`);
    expect(trend.text.split('\r\n')[0]).toBe(
      '\uFEFFwave,status,invited,respondents,response_rate,question,responses,mean,share_4_5,suppressed',
    );
    expect(trend.text).toContain('2025,closed,7,7,1,How satisfied are you with the day?,7,3.86,0.7143,false\r\n');
  });

  describe('participation', () => {
    let group: Group;
    beforeAll(async () => {
      group = await world.createGroup({ name: 'Technology Watch' });
      const facilitator = await world.createPerson();
      await world.addMember(group, facilitator, 'facilitator');
      await world.addMember(group, a1, 'member');
      await world.addMember(group, b1, 'member');
      await world.addMember(group, c1, 'observer');
      await world.addMember(group, d1, 'member');
      await createDoc(a1, group, { kind: 'page', title: 'Radar', body: 'signals' });
      await createDoc(facilitator, group, {
        kind: 'meeting_summary',
        title: 'Plenary',
        status: 'published',
        meetingDate: days(-3).slice(0, 10),
        attendees: { users: [b1.id], organisations: [C.id] },
      });
      const meeting = await createEvent(facilitator, {
        kind: 'group_meeting',
        title: 'Radar review',
        groupId: group.id,
        online: true,
        place: null,
        startsAt: days(-2),
      });
      await attend(facilitator, meeting.id, [a2]);
      // A message is a contribution too: d1's organisation has no other activity.
      const channels = await d1.api.get<Array<{ id: string }>>(`/api/groups/${group.id}/channels`);
      const socket = await SocketClient.connect(world.app.url, d1.token);
      await socket.post(channels.body[0].id, 'First signal from D');
      socket.socket.close();
    });

    interface P {
      associations: number;
      groups: Array<{ groupId: string; takingPart: number; contributing: number }>;
      organisations: Array<{
        organisationId: string;
        groupId: string;
        members: number;
        messages: number;
        documents: number;
        attendance: number;
        lastActivityAt: string | null;
      }>;
      events: Array<{
        title: string;
        organisationsInvited: number;
        organisationsPresent: number;
        organisationsPresentInvited: number;
        peoplePresent: number;
      }>;
    }

    it('counts associations taking part (active members) and contributing (documents, summaries, events)', async () => {
      const res = await world.admin.api.get<P>('/api/participation');
      expect(res.status).toBe(200);
      expect(res.body.associations).toBe(3);
      expect(res.body.groups.find((g) => g.groupId === group.id)).toMatchObject({ takingPart: 2, contributing: 3 });
      const row = (org: Organisation) =>
        res.body.organisations.find((o) => o.groupId === group.id && o.organisationId === org.id)!;
      expect(row(A)).toMatchObject({ members: 1, documents: 1, attendance: 1 });
      expect(row(B)).toMatchObject({ members: 1, documents: 0, attendance: 1 });
      expect(row(C)).toMatchObject({ members: 0, documents: 0, attendance: 1 });
      expect(row(D)).toMatchObject({ members: 1, messages: 1, documents: 0, attendance: 0 });
      expect(row(D).lastActivityAt).not.toBeNull();
      expect(row(A)).toMatchObject({ messages: 0 });
      expect(res.body.events.find((e) => e.title === 'Cluster Day 2025')).toMatchObject({
        organisationsInvited: 3,
        organisationsPresent: 4,
        organisationsPresentInvited: 3,
        peoplePresent: 7,
      });
    });

    it('counts no contribution outside the period, and exports every table as CSV', async () => {
      const res = await world.admin.api.get<P>('/api/participation?from=2020-01-01&to=2020-12-31');
      expect(res.body.groups.find((g) => g.groupId === group.id)).toMatchObject({ takingPart: 2, contributing: 0 });
      expect(res.body.events).toEqual([]);
      const csv = await download(world.admin, world.app.url, '/api/participation/csv?table=organisations');
      expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(csv.text).toMatch(/\r\nEnergía Alfa,cluster_association,energy,Technology Watch,1,0,1,1,\d{4}-/);
      const groups = await download(world.admin, world.app.url, '/api/participation/csv?table=groups');
      expect(groups.text).toContain('Technology Watch,3,2,3,');
    });
  });
});
