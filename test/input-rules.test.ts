import { Group, Person, World } from './factories';
import { createEvent, days, EventView } from './support/evaluation';
import { ErrorReply } from './support/http';
import { createDoc } from './support/knowledge';
import { Contract, OpenApiDocument } from './support/openapi';
import { SocketClient } from './support/socket';

/**
 * Issue 12 (items 2, 7, 9): each input that used to answer 500/503 or was silently altered is
 * a 400 naming the field and the reason, and nothing saved is lost. The limits live in
 * src/common/limits.ts; the rules in src/common/{dates,integers,text,dto,json-body}.ts.
 */
describe('input rules: depth, null, dates, integers, text', () => {
  let world: World;
  let facilitator: Person;
  let member: Person;
  let group: Group;
  let channelId: string;
  let documentId: string;
  let event: EventView;

  beforeAll(async () => {
    world = await World.start();
    facilitator = await world.createPerson();
    member = await world.createPerson();
    group = await world.createGroup({ name: 'Technology Watch' });
    await world.addMember(group, facilitator, 'facilitator');
    await world.addMember(group, member, 'member');
    channelId = (await member.api.get<Array<{ id: string }>>(`/api/groups/${group.id}/channels`)).body[0].id;
    documentId = (await createDoc(facilitator, group, { title: 'Hydrogen roadmap', body: 'v1' })).id;
    event = await createEvent(world.admin, { title: 'Cluster Day', startsAt: days(10), online: true });
  });

  afterAll(async () => {
    expect(await world.close()).toEqual([]);
  });

  /** The 400's details, as `field: reason` lines; fails with the whole answer when it is not a 400. */
  const refused = (res: { status: number; body: unknown }): string[] => {
    if (res.status !== 400) throw new Error(`expected 400, got ${res.status}: ${JSON.stringify(res.body)}`);
    const { error } = res.body as ErrorReply;
    expect(error.code).toBe('validation_failed');
    return (error.details ?? []).map((d) => `${String(d.field)}: ${String(d.reason)}`);
  };
  const nest = (depth: number, open: string, close: string, inner = '1'): string =>
    open.repeat(depth) + inner + close.repeat(depth);

  describe('JSON depth', () => {
    it('a body nested 5,000 levels is a 400 on every route, signed in or not, before anything recursive runs', async () => {
      const login = await world.api.raw(
        'POST',
        '/api/auth/login',
        `{"email":"a@b.eus","password":${nest(5000, '[', ']')}}`,
      );
      expect(refused(login)).toEqual(['body: must not nest objects and arrays deeper than 10 levels']);
      const objects = await world.admin.api.raw('POST', '/api/groups', nest(5000, '{"a":', '}'));
      expect(refused(objects)).toEqual(['body: must not nest objects and arrays deeper than 10 levels']);
      // Brackets inside strings are text, not nesting.
      const text = await world.admin.api.post<{ name: string }>('/api/groups', {
        slug: 'brackets-in-text',
        name: '[[[[[[[[[[[[ {{{{{{{{{{{{ "quoted \\" [[[[',
      });
      expect(text.status).toBe(201);
      expect((await world.api.get('/api/health')).status).toBe(200);
    });

    it('a socket payload nested too deep gets an error ack, and the socket keeps working', async () => {
      const socket = await SocketClient.connect(world.app.url, member.token);
      try {
        const deep = JSON.parse(nest(1000, '[', ']')) as unknown;
        const ack = await socket.call('message:send', { channelId: deep, body: 'hi', clientMsgId: 'x' });
        expect(ack).toEqual({
          ok: false,
          error: { code: 'validation_failed', message: 'payload: nested deeper than 10 levels' },
        });
        expect((await socket.join(channelId)).ok).toBe(true);
      } finally {
        socket.close();
      }
    });

    it('a form-encoded body is refused with 415: the API speaks JSON', async () => {
      const res = await world.api.raw<ErrorReply>(
        'POST',
        '/api/auth/login',
        'email=a&password=b',
        'application/x-www-form-urlencoded',
      );
      expect(res.status).toBe(415);
      const nul = await world.admin.api.raw<ErrorReply>('PATCH', `/api/groups/${group.id}`, 'null');
      expect(refused(nul)).toEqual(['body: must be a JSON object']);
    });
  });

  describe('null', () => {
    it('{"active":null} on a user is a 400 naming active, and the user is still active', async () => {
      const person = await world.createPerson({ displayName: 'Ane' });
      expect(refused(await world.admin.api.patch(`/api/users/${person.id}`, { active: null }))).toEqual([
        'active: active must not be null',
      ]);
      for (const field of ['displayName', 'role', 'locale', 'password']) {
        expect(refused(await world.admin.api.patch(`/api/users/${person.id}`, { [field]: null }))).toEqual([
          `${field}: ${field} must not be null`,
        ]);
      }
      expect(refused(await person.api.patch('/api/me', { displayName: null }))).toEqual([
        'displayName: displayName must not be null',
      ]);
      const after = await world.admin.api.get<{ active: boolean; displayName: string }>(`/api/users/${person.id}`);
      expect(after.body).toMatchObject({ active: true, displayName: 'Ane' });
      expect((await person.api.get('/api/me')).status).toBe(200); // still signed in
    });

    it('{"online":null} on an event is a 400 naming online, and the event keeps its values', async () => {
      for (const field of ['online', 'title', 'kind', 'description', 'startsAt']) {
        expect(refused(await world.admin.api.patch(`/api/events/${event.id}`, { [field]: null }))).toEqual([
          `${field}: ${field} must not be null`,
        ]);
      }
      const after = await world.admin.api.get<{ online: boolean; title: string }>(`/api/events/${event.id}`);
      expect(after.body).toMatchObject({ online: true, title: 'Cluster Day' });
    });

    it('null still clears where the API means "clear it"', async () => {
      const org = await world.createOrganisation({ sector: 'energy' });
      const cleared = await world.admin.api.patch<{ sector: string | null }>(`/api/organisations/${org.id}`, {
        sector: null,
      });
      expect(cleared.status).toBe(200);
      expect(cleared.body.sector).toBeNull();
      const ev = await world.admin.api.patch<{ place: string | null }>(`/api/events/${event.id}`, {
        place: null,
        endsAt: null,
      });
      expect(ev.status).toBe(200);
      expect(ev.body.place).toBeNull();
    });

    it('null for a document body or tags is a 400, and the document is unchanged', async () => {
      for (const field of ['body', 'tags', 'title']) {
        const res = await facilitator.api.put(`/api/documents/${documentId}`, { baseVersion: 1, [field]: null });
        expect(refused(res)).toEqual([`${field}: ${field} must not be null`]);
      }
      const doc = await facilitator.api.get<{ body: string; version: number }>(`/api/documents/${documentId}`);
      expect(doc.body).toMatchObject({ body: 'v1', version: 1 });
    });
  });

  describe('dates', () => {
    const ODD = ['2026-W10', '2026-02-30', '0000-01-01', '2024001', '9999-99-99', '2026-13-01', '1e400'];

    it('odd dates in the events, participation and search filters are 400s naming the filter', async () => {
      for (const value of ODD) {
        for (const path of [
          '/api/events?',
          '/api/participation?',
          '/api/participation/csv?table=groups&',
          '/api/search?q=x&',
        ]) {
          for (const field of ['from', 'to']) {
            const lines = refused(await world.admin.api.get(`${path}${field}=${encodeURIComponent(value)}`));
            expect(lines).toEqual([expect.stringMatching(new RegExp(`^${field}: ${field} (must|has no)`))]);
          }
        }
      }
      const range = refused(await world.admin.api.get('/api/events?from=0000-01-01'));
      expect(range).toEqual(['from: from must be from 1900-01-01 to 2999-12-31']);
    });

    it('odd dates and timestamps in bodies are 400s naming the field; real ones are taken', async () => {
      for (const value of [...ODD, '2026-03-12T09:30:00', '2026-03-12T24:00:00Z', '2026-03-12']) {
        const res = await world.admin.api.patch(`/api/events/${event.id}`, { startsAt: value });
        expect(refused(res)).toEqual([expect.stringMatching(/^startsAt: startsAt (must|has)/)]);
      }
      for (const value of ODD) {
        const note = await facilitator.api.post(`/api/groups/${group.id}/documents`, {
          kind: 'meeting_summary',
          title: 'Minutes',
          meetingDate: value,
          actionItems: [{ description: 'Brief', dueDate: value }],
        });
        expect(refused(note).map((l) => l.split(':')[0])).toEqual(['meetingDate', 'actionItems.0.dueDate']);
      }
      const ok = await world.admin.api.patch<{ startsAt: string }>(`/api/events/${event.id}`, {
        startsAt: '2026-03-12T09:30:00+01:00',
      });
      expect(ok.body.startsAt).toBe('2026-03-12T08:30:00.000Z');
      const leap = await facilitator.api.post(`/api/groups/${group.id}/documents`, {
        kind: 'meeting_summary',
        title: 'Leap day',
        meetingDate: '2028-02-29',
      });
      expect(leap.status).toBe(201);
    });
  });

  describe('integers', () => {
    it('20-digit, negative and non-digit numbers in paths and query strings are 400s naming the parameter', async () => {
      const cases: Array<[string, string]> = [
        ['/api/search?q=x&offset=99999999999999999999', 'offset'],
        ['/api/search?q=x&offset=1951', 'offset'],
        ['/api/search?q=x&limit=-1', 'limit'],
        [`/api/groups/${group.id}/documents?offset=99999999999999999999`, 'offset'],
        [`/api/groups/${group.id}/documents?limit=1e2`, 'limit'],
        [`/api/documents/${documentId}/revisions/99999999999999999999`, 'version'],
        [`/api/documents/${documentId}/revisions/2147483648`, 'version'],
        [`/api/documents/${documentId}/revisions/1/diff/99999999999999999999`, 'b'],
        [`/api/channels/${channelId}/messages?beforeSeq=99999999999999999999`, 'beforeSeq'],
        [`/api/channels/${channelId}/messages?afterSeq=-1`, 'afterSeq'],
        ['/api/notifications?limit=%201', 'limit'],
      ];
      for (const [path, field] of cases) {
        expect(refused(await member.api.get(path))).toEqual([
          expect.stringMatching(new RegExp(`^${field}: .*whole number from`)),
        ]);
      }
      const restore = await facilitator.api.post(
        `/api/documents/${documentId}/revisions/99999999999999999999/restore`,
        {},
      );
      expect(refused(restore)).toEqual([
        expect.stringMatching(/^version: must be a whole number from 1 to 2,147,483,647$/),
      ]);
    });

    it('a read marker seq beyond what is stored, or not a whole number, is a 400 naming seq', async () => {
      for (const seq of ['99999999999999999999', '1e400', '-1', '1.5', '"3"']) {
        const res = await member.api.raw('POST', `/api/channels/${channelId}/read`, `{"seq":${seq}}`);
        expect(refused(res)).toEqual([expect.stringMatching(/^seq: seq must be a whole number from 0 to/)]);
      }
      const ok = await member.api.post<{ lastReadSeq: number }>(`/api/channels/${channelId}/read`, { seq: 0 });
      expect(ok.body).toEqual({ channelId, lastReadSeq: 0 });
    });
  });

  describe('text', () => {
    it('q=%00 or tag=%00 on search is a 400 naming the parameter, not a 503', async () => {
      expect(refused(await member.api.get('/api/search?q=%00'))).toEqual(['q: q must not contain NUL characters']);
      expect(refused(await member.api.get('/api/search?q=x&tag=%00'))).toEqual([
        'tag: tag must not contain NUL characters',
      ]);
      expect(refused(await member.api.get('/api/search?q=a%07b'))).toEqual([
        'q: q must not contain control characters',
      ]);
      expect(refused(await member.api.get(`/api/groups/${group.id}/documents?tag=%00`))).toEqual([
        'tag: tag must not contain NUL characters',
      ]);
    });

    it('lone surrogates in names, titles and topics are refused, not stored as U+FFFD', async () => {
      const lone = 'Hydrogen \ud800 radar';
      const reason = 'must be valid Unicode text (it contains a lone surrogate)';
      const attempts: Array<[Promise<{ status: number; body: unknown }>, string]> = [
        [facilitator.api.patch(`/api/channels/${channelId}`, { topic: lone }), 'topic'],
        [facilitator.api.post(`/api/groups/${group.id}/channels`, { name: 'radar', topic: '\udc00' }), 'topic'],
        [world.admin.api.patch(`/api/groups/${group.id}`, { name: lone }), 'name'],
        [world.admin.api.patch(`/api/groups/${group.id}`, { description: lone }), 'description'],
        [facilitator.api.put(`/api/documents/${documentId}`, { baseVersion: 1, title: lone }), 'title'],
        [facilitator.api.put(`/api/documents/${documentId}`, { baseVersion: 1, tags: ['ok', lone] }), 'tags'],
        [world.admin.api.patch(`/api/events/${event.id}`, { title: lone }), 'title'],
        [world.admin.api.post('/api/organisations', { kind: 'agency', name: lone, shortName: 'x' }), 'name'],
        [member.api.patch('/api/me', { displayName: lone }), 'displayName'],
      ];
      for (const [attempt, field] of attempts) expect(refused(await attempt)).toEqual([`${field}: ${field} ${reason}`]);
      const channel = await member.api.get<{ topic: string }>(`/api/channels/${channelId}`);
      expect(channel.body.topic).not.toContain('\ufffd');
      const groupNow = await member.api.get<{ name: string }>(`/api/groups/${group.id}`);
      expect(groupNow.body.name).toBe('Technology Watch');
    });
  });

  describe('the OpenAPI description', () => {
    it('describes the channel read marker body as {seq}, as the server takes it', async () => {
      const doc = (await world.api.get<OpenApiDocument>('/api/docs/openapi.json')).body;
      const contract = new Contract(doc);
      const path = `/api/channels/${channelId}/read`;
      expect(contract.refusal('POST', path, { seq: 3 })).toBeNull();
      expect(contract.refusal('POST', path, { ids: [] })).toMatchObject({ errors: expect.stringContaining('seq') });
      expect(contract.refusal('POST', '/api/notifications/read', { ids: [] })).toBeNull();
      // …and the checker every suite's Api runs is live: a body the description refuses is reported.
      expect(contract.refusal('PATCH', `/api/users/${member.id}`, { active: 'yes' })).not.toBeNull();
    });
  });
});
