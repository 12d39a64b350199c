import { randomUUID } from 'node:crypto';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { ADMIN_EMAIL, ADMIN_PASSWORD, PASSWORD, Person, World } from './factories';
import { AppProcess } from './support/app-process';
import { Api, ErrorReply } from './support/http';
import { withDatabase } from './support/knowledge';
import { SocketClient } from './support/socket';

const LIMITS = { LOGIN_MAX_FAILURES_PER_ACCOUNT: '5', LOGIN_MAX_FAILURES_PER_ADDRESS: '1000' };
const NEW_PASSWORD = 'a-brand-new-password';

/** "Pásahitza-ñ-2024" (Basque "password"): composed (one code point per accented letter) and decomposed. */
const COMPOSED = 'P\u00e1sahitza-\u00f1-2024';
const DECOMPOSED = 'Pa\u0301sahitza-n\u0303-2024';

/** A round trip on the socket: it answers only while the connection is up. */
async function stillConnected(client: SocketClient): Promise<boolean> {
  await client.call('presence:get', { groupId: randomUUID() });
  return client.connected;
}

describe('passwords: changing your own, an admin reset, and Unicode forms', () => {
  let world: World;
  const sockets: SocketClient[] = [];

  const connect = async (person: Person): Promise<SocketClient> => {
    const client = await SocketClient.connect(world.app.url, person.token);
    sockets.push(client);
    return client;
  };
  const signIn = (email: string, password: string) =>
    world.api.post<ErrorReply>('/api/auth/login', { email, password });

  beforeAll(async () => {
    expect(COMPOSED.normalize('NFD')).toBe(DECOMPOSED);
    expect(COMPOSED).not.toBe(DECOMPOSED);
    world = await World.start(LIMITS);
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    expect(await world.close()).toEqual([]);
  });

  describe('PATCH /api/me with a new password', () => {
    it('without currentPassword: 400 naming currentPassword, and nothing changes', async () => {
      const ane = await world.createPerson();
      const res = await ane.api.patch<ErrorReply>('/api/me', { password: NEW_PASSWORD, displayName: 'Not saved' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details).toEqual([{ field: 'currentPassword', reason: expect.stringMatching(/required/) }]);
      expect((await signIn(ane.email, PASSWORD)).status).toBe(200);
      expect((await signIn(ane.email, NEW_PASSWORD)).status).toBe(401);
      const me = await ane.api.get<{ user: { displayName: string } }>('/api/me');
      expect(me.body.user.displayName).not.toBe('Not saved');
    });

    it('with a wrong currentPassword: 400 naming currentPassword, and nothing changes', async () => {
      const ane = await world.createPerson();
      const res = await ane.api.patch<ErrorReply>('/api/me', {
        password: NEW_PASSWORD,
        currentPassword: 'not-my-password',
        displayName: 'Not saved',
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 'validation_failed',
        details: [{ field: 'currentPassword', reason: 'is not your current password' }],
      });
      expect((await signIn(ane.email, PASSWORD)).status).toBe(200);
      expect((await signIn(ane.email, NEW_PASSWORD)).status).toBe(401);
      expect((await ane.api.get<{ user: { displayName: string } }>('/api/me')).body.user.displayName).not.toBe(
        'Not saved',
      );
    });

    it('guesses of currentPassword share the sign-in limit: after 5 wrong ones even the right one gets 429', async () => {
      const ane = await world.createPerson();
      for (let i = 0; i < 5; i++) {
        const res = await ane.api.patch('/api/me', { password: NEW_PASSWORD, currentPassword: `guess-${i}-pass` });
        expect(res.status).toBe(400);
      }
      const right = await ane.api.patch<ErrorReply>('/api/me', { password: NEW_PASSWORD, currentPassword: PASSWORD });
      expect(right.status).toBe(429);
      expect(right.body.error.code).toBe('rate_limited');
      expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
      // The same count: signing in to that account is locked too, and the password is unchanged.
      expect((await signIn(ane.email, PASSWORD)).status).toBe(429);
      expect((await ane.api.get('/api/me')).status).toBe(200); // the session itself is fine
    });

    it('guesses made parallel through /me are counted before the check too: at most 5 checked', async () => {
      const ane = await world.createPerson();
      const replies = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          ane.api.patch('/api/me', { password: NEW_PASSWORD, currentPassword: `guess-${i}-pass` }),
        ),
      );
      const statuses = replies.map((r) => r.status).sort();
      expect(statuses).toEqual([...Array(5).fill(400), ...Array(7).fill(429)]);
    });

    it('with the right currentPassword: changed; every other session and its sockets end at once, this one lives on', async () => {
      const ane = await world.createPerson();
      const phone = await world.login(ane.email, PASSWORD);
      const laptop = await world.login(ane.email, PASSWORD);
      for (const session of [ane, phone, laptop]) expect((await session.api.get('/api/me')).status).toBe(200);
      const here = await connect(ane);
      const onPhone = await connect(phone);
      const onLaptop = await connect(laptop);

      const res = await ane.api.patch('/api/me', { password: NEW_PASSWORD, currentPassword: PASSWORD });
      expect(res.status).toBe(200);

      for (const session of [phone, laptop]) expect((await session.api.get('/api/me')).status).toBe(401);
      expect((await ane.api.get('/api/me')).status).toBe(200);
      await onPhone.waitForDisconnect();
      await onLaptop.waitForDisconnect();
      expect(await stillConnected(here)).toBe(true);
      expect(await SocketClient.refusal(world.app.url, { token: phone.token })).toMatchObject({
        code: 'unauthenticated',
      });
      expect((await signIn(ane.email, PASSWORD)).status).toBe(401);
      expect((await signIn(ane.email, NEW_PASSWORD)).status).toBe(200);
    });

    it('a new password is measured on its NFC form: 7 accented letters are too short however they are typed', async () => {
      const ane = await world.createPerson();
      const seven = '\u00e1\u00e9\u00ed\u00f3\u00fa\u00f1\u00fc'.normalize('NFD'); // 14 UTF-16 units, 7 characters
      const res = await ane.api.patch<ErrorReply>('/api/me', { password: seven, currentPassword: PASSWORD });
      expect(res.status).toBe(400);
      expect(res.body.error.details?.map((d) => d.field)).toEqual(['password']);
      const created = await world.admin.api.post<ErrorReply>('/api/users', {
        email: `short-${randomUUID().slice(0, 8)}@test.auzolan`,
        displayName: 'Short',
        password: seven,
      });
      expect(created.status).toBe(400);
      expect(created.body.error.details?.map((d) => d.field)).toEqual(['password']);
    });
  });

  describe('an admin sets a new password (PATCH /api/users/:id)', () => {
    it('ends every session of that person and disconnects all their sockets', async () => {
      const jon = await world.createPerson();
      const other = await world.login(jon.email, PASSWORD);
      const sockets = [await connect(jon), await connect(other)];
      const res = await world.admin.api.patch(`/api/users/${jon.id}`, { password: NEW_PASSWORD });
      expect(res.status).toBe(200);
      for (const session of [jon, other]) expect((await session.api.get('/api/me')).status).toBe(401);
      for (const socket of sockets) await socket.waitForDisconnect();
      for (const socket of sockets) expect(socket.received('session:ended')).toEqual([{ reason: 'password_changed' }]);
      expect((await signIn(jon.email, PASSWORD)).status).toBe(401);
      expect((await signIn(jon.email, NEW_PASSWORD)).status).toBe(200);
      expect((await world.admin.api.get('/api/me')).status).toBe(200); // the admin's own session is not touched
    });

    it('is for admins only, and not for their own password (that needs currentPassword, through /api/me)', async () => {
      const member = await world.createPerson();
      const target = await world.createPerson();
      expect((await member.api.patch(`/api/users/${target.id}`, { password: NEW_PASSWORD })).status).toBe(403);
      const own = await world.admin.api.patch<ErrorReply>(`/api/users/${world.admin.id}`, { password: NEW_PASSWORD });
      expect(own.status).toBe(400);
      expect(own.body.error.details).toEqual([{ field: 'password', reason: expect.stringContaining('/api/me') }]);
      expect((await signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).status).toBe(200);
    });
  });

  describe('Unicode forms (NFC)', () => {
    it('a password set decomposed signs in typed composed, and the other way round', async () => {
      for (const [set, typed] of [
        [DECOMPOSED, COMPOSED],
        [COMPOSED, DECOMPOSED],
      ]) {
        const email = `nfc-${randomUUID().slice(0, 8)}@test.auzolan`;
        const created = await world.admin.api.post('/api/users', { email, displayName: 'NFC', password: set });
        expect(created.status).toBe(201);
        expect((await signIn(email, typed)).status).toBe(200);
        expect((await signIn(email, set)).status).toBe(200);
      }
    });

    it('an old hash of the decomposed password keeps working, whichever form is typed, and is replaced by the NFC hash', async () => {
      const typedAsStored = await world.createPerson();
      const typedComposed = await world.createPerson();
      // As the server stored passwords before normalising: argon2 of the raw, decomposed input.
      const legacy = await hash(DECOMPOSED, { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2 });
      await withDatabase(world, async (query) => {
        for (const p of [typedAsStored, typedComposed]) {
          await query('UPDATE users SET password_hash = $1 WHERE id = $2', [legacy, p.id]);
        }
      });
      expect((await signIn(typedAsStored.email, DECOMPOSED)).status).toBe(200);
      expect((await signIn(typedComposed.email, COMPOSED)).status).toBe(200);

      const hashes = await withDatabase(world, (query) =>
        query('SELECT id, password_hash AS hash FROM users WHERE id = ANY($1::uuid[])', [
          [typedAsStored.id, typedComposed.id],
        ]),
      );
      expect(hashes).toHaveLength(2);
      for (const row of hashes) {
        const stored = row.hash as string;
        expect(stored).not.toBe(legacy);
        expect(await verify(stored, COMPOSED)).toBe(true); // rehashed from the NFC form
        expect(await verify(stored, DECOMPOSED)).toBe(false);
      }
      for (const p of [typedAsStored, typedComposed]) {
        for (const typed of [COMPOSED, DECOMPOSED]) expect((await signIn(p.email, typed)).status).toBe(200);
      }
    });
  });
});

/**
 * Two processes on one database over Redis: a password change on A reaches B's session
 * cache (NOTIFY) and B's sockets (the Redis adapter). Embedded mode has one process only.
 */
const servers = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
const describeWithServers = servers ? describe : describe.skip;

describeWithServers(
  `a password change across two processes${servers ? '' : ' (skipped: needs DATABASE_URL and REDIS_URL)'}`,
  () => {
    let world: World;
    let b: AppProcess;
    const sockets: SocketClient[] = [];

    beforeAll(async () => {
      const REDIS_URL = process.env.REDIS_URL!;
      world = await World.start({ ...LIMITS, REDIS_URL });
      b = await AppProcess.start({ ...world.db.env, ADMIN_EMAIL, ADMIN_PASSWORD, ...LIMITS, REDIS_URL });
    });

    afterAll(async () => {
      for (const s of sockets) s.close();
      await b.stop();
      expect([...(await world.close()), ...b.serverErrors()]).toEqual([]);
    });

    /** NOTIFY reaches B a few ms after the commit; 3 s allows a loaded machine and is far below the cache TTL. */
    async function refusedOnB(person: Person): Promise<void> {
      const deadline = Date.now() + 3_000;
      const api = new Api(b.url).as({ token: person.token });
      while ((await api.get('/api/me')).status !== 401) {
        if (Date.now() > deadline) throw new Error('B still accepts the ended session 3 s after the change on A');
        await new Promise((r) => setTimeout(r, 20));
      }
    }

    it('a change on A: B refuses the other sessions and disconnects their sockets; the changing session lives on', async () => {
      const ane = await world.createPerson();
      const phone = await world.login(ane.email, PASSWORD);
      const viaB = new Api(b.url).as({ token: phone.token });
      expect((await viaB.get('/api/me')).status).toBe(200);
      expect((await viaB.get('/api/me')).status).toBe(200); // now cached on B
      const phoneOnB = await SocketClient.connect(b.url, phone.token);
      const hereOnB = await SocketClient.connect(b.url, ane.token);
      sockets.push(phoneOnB, hereOnB);
      expect((await ane.api.patch('/api/me', { password: NEW_PASSWORD, currentPassword: PASSWORD })).status).toBe(200);
      await phoneOnB.waitForDisconnect();
      await refusedOnB(phone);
      expect(await stillConnected(hereOnB)).toBe(true);
      expect((await new Api(b.url).as({ token: ane.token }).get('/api/me')).status).toBe(200);
    });

    it('an admin reset on B: A refuses every session of that person', async () => {
      const jon = await world.createPerson();
      const onA = await SocketClient.connect(world.app.url, jon.token);
      sockets.push(onA);
      const adminOnB = new Api(b.url).as({ token: world.admin.token });
      expect((await adminOnB.patch(`/api/users/${jon.id}`, { password: NEW_PASSWORD })).status).toBe(200);
      await onA.waitForDisconnect();
      const deadline = Date.now() + 3_000;
      while ((await jon.api.get('/api/me')).status !== 401) {
        if (Date.now() > deadline) throw new Error('A still accepts the session 3 s after the reset on B');
        await new Promise((r) => setTimeout(r, 20));
      }
    });
  },
);
