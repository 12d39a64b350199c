import { World } from './factories';

/** The agency's own sentences, reproduced live from the embedded demo data (SEED_DEMO=true). */
describe('evaluation demo figures', () => {
  let world: World;
  beforeAll(async () => {
    world = await World.start({ SEED_DEMO: 'true' });
  });
  afterAll(async () => expect(await world.close()).toEqual([]));

  it('12 of 17 associations take part in Technology Watch & CI, 17 of 17 in Evaluation — members and contributions', async () => {
    const admin = await world.login('admin@agency.demo', 'auzolan-demo');
    const res = await admin.api.get<{
      associations: number;
      groups: Array<{ slug: string; takingPart: number; contributing: number }>;
      events: Array<{ kind: string; organisationsInvited: number; organisationsPresentInvited: number }>;
    }>('/api/participation');
    expect(res.status).toBe(200);
    expect(res.body.associations).toBe(17);
    const group = (slug: string) => res.body.groups.find((g) => g.slug === slug);
    expect(group('tech-watch')).toMatchObject({ takingPart: 12, contributing: 12 });
    expect(group('evaluation')).toMatchObject({ takingPart: 17, contributing: 17 });
    const clusterDay = res.body.events.find((e) => e.kind === 'cluster_day');
    expect(clusterDay).toMatchObject({ organisationsInvited: 17, organisationsPresentInvited: 17 });
  });

  it("90% rated the Cluster Day 4–5 and 80% the thematic workshops; the User's Voice is open", async () => {
    const maite = await world.login('maite@agency.demo', 'auzolan-demo');
    expect((await maite.api.get('/api/surveys')).body).toEqual([]); // the Cluster Day survey is the admins'
    const admin = await world.login('admin@agency.demo', 'auzolan-demo');
    const surveys = (
      await admin.api.get<Array<{ title: string; waves: Array<{ id: string; status: string; anonymous: boolean }> }>>(
        '/api/surveys',
      )
    ).body;
    const clusterDay = surveys.find((s) => s.title === 'Cluster Day satisfaction')!;
    expect(clusterDay.waves).toEqual([expect.objectContaining({ status: 'closed', anonymous: true })]);
    const r = await admin.api.get<{
      respondents: number;
      invited: number;
      questions: Array<{ kind: string; label: string | null; share45: number | null }>;
      combined: Array<{ share45: number }>;
    }>(`/api/waves/${clusterDay.waves[0].id}/results`);
    expect([r.body.respondents, r.body.invited]).toEqual([10, 17]);
    expect(r.body.questions[0]).toMatchObject({ kind: 'rating', label: null, share45: 0.9 });
    expect(r.body.combined.map((c) => c.share45)).toEqual([0.8]);
    expect(r.body.questions.filter((q) => q.label?.startsWith('Workshop')).map((q) => q.share45)).toEqual([
      0.8, 0.8, 0.8,
    ]);

    const voice = surveys.find((s) => s.title === "User's Voice")!;
    expect(voice.waves.map((w) => w.status)).toEqual(['closed', 'open']);
    const ane = await world.login('ane@energy.demo', 'auzolan-demo');
    const open =
      await ane.api.get<Array<{ survey: { title: string }; me: { invited: boolean; responded: boolean } }>>(
        '/api/waves/open',
      );
    expect(open.body.map((w) => [w.survey.title, w.me.responded])).toEqual([["User's Voice", false]]);
  });
});
