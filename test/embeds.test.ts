import { Group, Person, World } from './factories';
import {
  answer,
  attend,
  createEvent,
  createQuestion,
  createSurvey,
  days,
  EventView,
  openWave,
  respond,
  SurveyView,
} from './support/evaluation';
import type { ErrorReply } from './support/http';
import { createDoc } from './support/knowledge';

interface EventRef {
  id: string;
  title: string;
  startsAt: string;
}
interface ItemView {
  id: string;
  questionId: string;
  label: string | null;
  event: EventRef | null;
}
interface WaveView {
  id: string;
  items: ItemView[];
}
type Survey = Omit<SurveyView, 'items'> & { items: ItemView[] };
interface EventSummary {
  id: string;
  parentId: string | null;
}

/**
 * Everything a view embeds passes the same access rule as the thing itself. A Cluster Day
 * (no group, seen by everyone) has a workshop of a private group: whoever may not see that
 * workshop finds no trace of it (id, title or time) in what embeds it.
 */
describe('embedded items pass the same access rule as the items themselves', () => {
  let world: World;
  let closed: Group;
  let open: Group;
  let insider: Person;
  let outsider: Person;
  let openFacilitator: Person;
  let day: EventView;
  let secret: EventView & { startsAt: string };
  let plenary: EventView;
  let rating: string;
  let survey: Survey;
  let wave: string;
  const SECRET_TITLE = 'Hydrogen valleys: confidential roadmap workshop';

  /** No id, title or time of the private workshop anywhere in a JSON body. */
  const traces = (body: unknown): string[] => {
    const json = JSON.stringify(body);
    return [secret.id, SECRET_TITLE, secret.startsAt].filter((s) => json.includes(s));
  };

  beforeAll(async () => {
    world = await World.start();
    const org = await world.createOrganisation();
    closed = await world.createGroup({ visibility: 'private', name: 'Evaluation' });
    open = await world.createGroup({ visibility: 'open', name: 'Tech watch' });
    insider = await world.createPerson({ organisationId: org.id });
    outsider = await world.createPerson({ organisationId: org.id });
    openFacilitator = await world.createPerson({ organisationId: org.id });
    await world.addMember(closed, insider, 'member');
    await world.addMember(open, outsider, 'member');
    await world.addMember(open, openFacilitator, 'facilitator');

    day = await createEvent(world.admin, { title: 'Cluster Day 2025', startsAt: days(-6) });
    secret = (await createEvent(world.admin, {
      kind: 'thematic_workshop',
      title: SECRET_TITLE,
      groupId: closed.id,
      parentId: day.id,
      startsAt: '2025-11-20T09:30:00.000Z',
    })) as EventView & { startsAt: string };
    plenary = await createEvent(world.admin, {
      kind: 'thematic_workshop',
      title: 'Plenary: talent',
      parentId: day.id,
      startsAt: days(-6),
    });
    await attend(world.admin, day.id, [insider, outsider]);
    rating = await createQuestion(world.admin, 'rating', 'How useful was this workshop?');
    const text = await createQuestion(world.admin, 'free_text', 'Anything else?');
    survey = (await createSurvey(world.admin, {
      title: 'Cluster Day satisfaction',
      eventId: day.id,
      items: [
        { questionId: rating, eventId: secret.id, label: SECRET_TITLE },
        { questionId: rating, eventId: plenary.id, label: 'Plenary' },
        { questionId: text },
      ],
    })) as unknown as Survey;
    wave = await openWave(world.admin, survey.id, '2025', false);
  });

  afterAll(async () => expect(await world.close()).toEqual([]));

  it('an outsider reads the Cluster Day survey with no trace of the private group’s workshop; a member of it sees it', async () => {
    expect((await outsider.api.get(`/api/events/${secret.id}`)).status).toBe(404);
    const asOutsider = await outsider.api.get<WaveView>(`/api/waves/${wave}`);
    expect(asOutsider.status).toBe(200);
    expect(traces(asOutsider.body)).toEqual([]);
    expect(asOutsider.body.items.map((i) => i.event?.id ?? null)).toEqual([plenary.id, null]);
    const open = await outsider.api.get<WaveView[]>('/api/waves/open');
    expect(open.body.map((w) => w.id)).toContain(wave);
    expect(traces(open.body)).toEqual([]);

    const asInsider = await insider.api.get<WaveView>(`/api/waves/${wave}`);
    expect(asInsider.body.items[0].event).toEqual(
      expect.objectContaining({ id: secret.id, title: SECRET_TITLE, startsAt: secret.startsAt }),
    );
    expect(asInsider.body.items).toHaveLength(3);
  });

  it('an outsider cannot answer the hidden workshop’s question, and answers the rest', async () => {
    const hiddenItem = survey.items[0].id;
    const refused = await respond(outsider, wave, [{ itemId: hiddenItem, rating: 5 }]);
    expect(refused.status).toBe(400);
    expect((refused.body as unknown as ErrorReply).error.details).toEqual([
      { field: 'answers.0.itemId', reason: 'is not a question of this survey' },
    ]);
    await answer(outsider, wave, [{ itemId: survey.items[1].id, rating: 4 }]);
    await answer(insider, wave, [
      { itemId: hiddenItem, rating: 5 },
      { itemId: survey.items[1].id, rating: 3 },
    ]);
  });

  it('the Cluster Day names only the workshops the caller may see', async () => {
    const view = await outsider.api.get<EventView>(`/api/events/${day.id}`);
    expect(view.body.children.map((c) => c.id)).toEqual([plenary.id]);
    expect(traces(view.body)).toEqual([]);
    const list = await outsider.api.get<EventSummary[]>('/api/events');
    expect(traces(list.body)).toEqual([]);
    const asInsider = await insider.api.get<EventView>(`/api/events/${day.id}`);
    expect(asInsider.body.children.map((c) => c.id).sort()).toEqual([plenary.id, secret.id].sort());
  });

  it('a manager who may not see an item’s event gets the item without it, and saving the items back keeps it', async () => {
    const groupSurvey = (await createSurvey(world.admin, {
      title: 'Tech watch follow-up',
      groupId: open.id,
      items: [{ questionId: rating, eventId: secret.id }, { questionId: rating }],
    })) as unknown as Survey;
    const asManager = await openFacilitator.api.get<Survey>(`/api/surveys/${groupSurvey.id}`);
    expect(asManager.status).toBe(200);
    expect(asManager.body.items.map((i) => i.event)).toEqual([null, null]);
    expect(traces(asManager.body)).toEqual([]);

    const saved = await openFacilitator.api.put<SurveyView>(`/api/surveys/${groupSurvey.id}/items`, {
      items: asManager.body.items.map((i) => ({ id: i.id, questionId: i.questionId })),
    });
    expect(saved.status).toBe(200);
    expect(traces(saved.body)).toEqual([]);
    const asAdmin = await world.admin.api.get<Survey>(`/api/surveys/${groupSurvey.id}`);
    expect(asAdmin.body.items[0].event?.id).toBe(secret.id);

    const groupWave = await openWave(openFacilitator, groupSurvey.id, '2025', false);
    const results = await openFacilitator.api.get(`/api/waves/${groupWave}/results`);
    expect(results.status).toBe(200);
    expect(traces(results.body)).toEqual([]);
    const csv = await openFacilitator.api.get(`/api/waves/${groupWave}/results/csv?table=questions`);
    expect(traces(csv.body)).toEqual([]);
  });

  it('a workshop names no Cluster Day the caller may not see, in its view, the agenda or participation', async () => {
    const privateDay = await createEvent(world.admin, {
      title: 'Evaluation away day',
      groupId: closed.id,
      startsAt: days(-3),
    });
    const workshop = await createEvent(world.admin, {
      kind: 'thematic_workshop',
      title: 'Open session of the away day',
      groupId: open.id,
      parentId: privateDay.id,
      startsAt: days(-3),
    });
    const parentOf = async (who: Person): Promise<Array<string | null>> => {
      const view = await who.api.get<EventSummary>(`/api/events/${workshop.id}`);
      const list = await who.api.get<EventSummary[]>(`/api/events?groupId=${open.id}`);
      return [view.body.parentId, list.body.find((e) => e.id === workshop.id)!.parentId];
    };
    expect(await parentOf(outsider)).toEqual([null, null]);
    expect(await parentOf(insider)).toEqual([privateDay.id, privateDay.id]);
    const figures = await openFacilitator.api.get<{ events: Array<{ eventId: string; parentId: string | null }> }>(
      '/api/participation',
    );
    expect(figures.body.events.find((e) => e.eventId === workshop.id)?.parentId).toBeNull();
    expect(JSON.stringify(figures.body)).not.toContain(privateDay.id);
    // The workshop's facilitator edits it without seeing its Cluster Day; the link stays.
    const renamed = await openFacilitator.api.patch<EventSummary>(`/api/events/${workshop.id}`, {
      title: 'Open session, renamed',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.parentId).toBeNull();
    const edited = await world.admin.api.get<EventSummary>(`/api/events/${workshop.id}`);
    expect(edited.body.parentId).toBe(privateDay.id);
  });

  it('notifications about a group one was removed from are no longer listed or counted', async () => {
    const facilitator = await world.createPerson();
    await world.addMember(closed, facilitator, 'facilitator');
    await createDoc(facilitator, closed, { title: 'Confidential evaluation plan', body: 'Only for us.' });
    type List = { items: Array<{ title: string; groupId: string }>; unreadCount: number };
    const before = await insider.api.get<List>('/api/notifications');
    expect(before.body.items.map((n) => n.title)).toEqual([expect.stringContaining('Confidential evaluation plan')]);
    expect(before.body.unreadCount).toBe(1);
    await world.admin.api.delete(`/api/groups/${closed.id}/members/${insider.id}`);
    const after = await insider.api.get<List>('/api/notifications');
    expect(after.body).toEqual({ items: [], unreadCount: 0 });
  });
});
