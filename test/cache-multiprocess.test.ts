import { ADMIN_EMAIL, ADMIN_PASSWORD, Group, PASSWORD, Person, World } from './factories';
import { AppProcess } from './support/app-process';
import { Api } from './support/http';

/**
 * Two processes on one Postgres database, each with its own in-memory caches: a change
 * made through A must reach B's caches through NOTIFY. Embedded mode cannot have two
 * processes on one data directory (it is locked), so this needs DATABASE_URL.
 */
const server = Boolean(process.env.DATABASE_URL);
const describeWithServer = server ? describe : describe.skip;

/**
 * NOTIFY reaches the other process asynchronously, normally within milliseconds of the
 * commit. Polling it for up to 3 s allows for a loaded machine and stays far below the
 * caches' 60 s TTL, so each test fails if the invalidation did not cross.
 */
const CROSS_PROCESS_BOUND_MS = 3_000;

async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + CROSS_PROCESS_BOUND_MS;
  let last = await probe();
  while (!ok(last)) {
    if (Date.now() > deadline) {
      throw new Error(
        `the other process still answered ${JSON.stringify(last)} ${CROSS_PROCESS_BOUND_MS} ms after ${what}`,
      );
    }
    await new Promise((r) => setTimeout(r, 20));
    last = await probe();
  }
}

describeWithServer(
  `cache invalidation across two processes on one database${server ? '' : ' (skipped: needs DATABASE_URL; embedded mode allows one process per data directory)'}`,
  () => {
    let world: World;
    let b: AppProcess;
    let group: Group;

    /** The same person, talking to process B. */
    const viaB = (person: Person): Api => new Api(b.url).as({ token: person.token });
    const statusOnB = async (person: Person, path: string): Promise<number> => (await viaB(person).get(path)).status;
    /** Twice, so B answers the second from its cache. */
    const cachedOnB = async (person: Person, path: string): Promise<number> => {
      await statusOnB(person, path);
      return statusOnB(person, path);
    };

    beforeAll(async () => {
      world = await World.start();
      b = await AppProcess.start({ ...world.db.env, ADMIN_EMAIL, ADMIN_PASSWORD });
      group = await world.createGroup({ visibility: 'private' });
    });

    afterAll(async () => {
      await b.stop();
      expect([...(await world.close()), ...b.serverErrors()]).toEqual([]);
    });

    it('logout on A: B refuses the token', async () => {
      const person = await world.createPerson();
      const session = await world.login(person.email, PASSWORD);
      expect(await cachedOnB(session, '/api/me')).toBe(200);
      expect((await session.api.post('/api/auth/logout')).status).toBe(204);
      await eventually(
        () => statusOnB(session, '/api/me'),
        (s) => s === 401,
        'logout on A',
      );
      expect(await statusOnB(person, '/api/me')).toBe(200); // the other session lives on
    });

    it('deactivation on A: B refuses every session of that person', async () => {
      const person = await world.createPerson();
      const other = await world.login(person.email, PASSWORD);
      for (const session of [person, other]) expect(await cachedOnB(session, '/api/me')).toBe(200);
      expect((await world.admin.api.patch(`/api/users/${person.id}`, { active: false })).status).toBe(200);
      for (const session of [person, other]) {
        await eventually(
          () => statusOnB(session, '/api/me'),
          (s) => s === 401,
          'deactivation on A',
        );
      }
    });

    it('membership removal on A: B answers 404 for the group and drops it from /me', async () => {
      const person = await world.createPerson();
      await world.addMember(group, person, 'member');
      expect(await cachedOnB(person, `/api/groups/${group.id}`)).toBe(200);
      await viaB(person).get('/api/me');
      expect((await world.admin.api.delete(`/api/groups/${group.id}/members/${person.id}`)).status).toBe(204);
      await eventually(
        () => statusOnB(person, `/api/groups/${group.id}`),
        (s) => s === 404,
        'the removal on A',
      );
      await eventually(
        async () => (await viaB(person).get<{ groups: unknown[] }>('/api/me')).body.groups.length,
        (n) => n === 0,
        'the removal on A',
      );
    });

    it('a visibility change on A hides the group from outsiders on B', async () => {
      const open = await world.createGroup({ visibility: 'open' });
      const outsider = await world.createPerson();
      expect(await cachedOnB(outsider, `/api/groups/${open.id}`)).toBe(200);
      expect((await world.admin.api.patch(`/api/groups/${open.id}`, { visibility: 'private' })).status).toBe(200);
      await eventually(
        () => statusOnB(outsider, `/api/groups/${open.id}`),
        (s) => s === 404,
        'the change on A',
      );
    });

    it('a platform role change made on B reaches A too', async () => {
      const person = await world.createPerson();
      expect(await cachedOnB(person, `/api/groups/${group.id}`)).toBe(404);
      expect((await person.api.get(`/api/groups/${group.id}`)).status).toBe(404); // cached on A as well
      const adminOnB = new Api(b.url).as({ token: world.admin.token });
      expect((await adminOnB.patch(`/api/users/${person.id}`, { role: 'admin' })).status).toBe(200);
      await eventually(
        async () => (await person.api.get(`/api/groups/${group.id}`)).status,
        (s) => s === 200,
        'the role change on B',
      );
    });
  },
);
