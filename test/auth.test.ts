import { ADMIN_EMAIL, PASSWORD, Person, World } from './factories';
import { Api, ErrorReply } from './support/http';

describe('sign-in, sessions and the CSRF header rule', () => {
  let world: World;
  let ane: Person;

  beforeAll(async () => {
    world = await World.start();
    const org = await world.createOrganisation();
    ane = await world.createPerson({ organisationId: org.id, displayName: 'Ane Etxeberria' });
  });

  afterAll(async () => {
    expect(await world.close()).toEqual([]);
  });

  it('signs in with a token and an HttpOnly SameSite=Lax session cookie', async () => {
    const res = await world.api.post<{ token: string; user: { email: string } }>('/api/auth/login', {
      email: `  ${ane.email.toUpperCase()} `,
      password: PASSWORD,
    });
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(ane.email);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^auzolan_session=[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // COOKIE_SECURE is off by default
    expect(cookie).toContain(res.body.token);
  });

  it('never returns the password hash', async () => {
    const me = await ane.api.get<object>('/api/me');
    const list = await world.admin.api.get<object>('/api/users');
    expect(JSON.stringify([me.body, list.body])).not.toMatch(/password|argon2/i);
  });

  it('answers a wrong password and an unknown account the same way', async () => {
    const wrong = await world.api.post<ErrorReply>('/api/auth/login', { email: ane.email, password: 'not-it-at-all' });
    const unknown = await world.api.post<ErrorReply>('/api/auth/login', {
      email: 'nobody@x.eus',
      password: 'whatever1',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('unauthenticated');
  });

  it('accepts the cookie for reads, and for writes only with X-Requested-With: auzolan', async () => {
    const login = await world.api.post<{ token: string }>('/api/auth/login', { email: ane.email, password: PASSWORD });
    const cookie = `auzolan_session=${login.body.token}`;
    expect((await world.api.as({ cookie, csrf: false }).get('/api/me')).status).toBe(200);
    const blocked = await world.api.as({ cookie, csrf: false }).patch<ErrorReply>('/api/me', { displayName: 'Ane E.' });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.message).toContain('X-Requested-With');
    const allowed = await world.api.as({ cookie }).patch('/api/me', { displayName: 'Ane E.' });
    expect(allowed.status).toBe(200);
    // Bearer tokens are not sent by browsers on their own, so they need no header.
    expect((await ane.api.patch('/api/me', { locale: 'eu' })).status).toBe(200);
  });

  it('logout ends the session: the old token and cookie get 401, other sessions live on', async () => {
    const first = await world.login(ane.email, PASSWORD);
    const second = await world.login(ane.email, PASSWORD);
    const out = await first.api.post('/api/auth/logout');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/auzolan_session=;/);
    expect((await first.api.get('/api/me')).status).toBe(401);
    expect((await world.api.as({ cookie: `auzolan_session=${first.token}` }).get('/api/me')).status).toBe(401);
    expect((await second.api.get('/api/me')).status).toBe(200);
  });

  it('rejects garbage and missing tokens with 401', async () => {
    for (const auth of [{ token: 'garbage' }, { token: 'x'.repeat(5000) }, { cookie: 'auzolan_session=nope' }, null]) {
      const res = await world.api.as(auth).get<ErrorReply>('/api/me');
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    }
  });

  it('deactivating a person ends their sessions at once and stops them signing in', async () => {
    const bo = await world.createPerson();
    expect((await bo.api.get('/api/me')).status).toBe(200);
    expect((await world.admin.api.patch(`/api/users/${bo.id}`, { active: false })).status).toBe(200);
    expect((await bo.api.get('/api/me')).status).toBe(401);
    const again = await world.api.post<ErrorReply>('/api/auth/login', { email: bo.email, password: PASSWORD });
    expect(again.status).toBe(401);
    expect((await world.admin.api.patch(`/api/users/${bo.id}`, { active: true })).status).toBe(200);
    expect((await world.api.post('/api/auth/login', { email: bo.email, password: PASSWORD })).status).toBe(200);
  });

  it('an admin cannot lock themselves out', async () => {
    const res = await world.admin.api.patch<ErrorReply>(`/api/users/${world.admin.id}`, { active: false });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'active', reason: 'would lock you out' }]);
  });

  it('the bootstrap admin from ADMIN_EMAIL is an admin', async () => {
    const me = await world.admin.api.get<{ user: { email: string; role: string } }>('/api/me');
    expect(me.body.user).toMatchObject({ email: ADMIN_EMAIL, role: 'admin' });
  });
});

describe('sign-in rate limits', () => {
  let world: World;

  beforeAll(async () => {
    world = await World.start({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '5', LOGIN_MAX_FAILURES_PER_ADDRESS: '12' });
  });

  afterAll(async () => {
    expect(await world.close()).toEqual([]);
  });

  it('locks an account after 5 wrong passwords, with Retry-After, even for the right password', async () => {
    const victim = await world.createPerson();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await world.api.post<ErrorReply>('/api/auth/login', {
        email: victim.email,
        password: `wrong-${i}-pass`,
      });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.body.error.code).toBe('rate_limited');
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    const right = await world.api.post('/api/auth/login', { email: victim.email, password: PASSWORD });
    expect(right.status).toBe(429);
    // The person's existing sessions are untouched.
    expect((await victim.api.get('/api/me')).status).toBe(200);
  });

  it('limits one client address across many accounts', async () => {
    const api: Api = world.api;
    const statuses: number[] = [];
    // 5 failures were already counted from this address by the previous test.
    for (let i = 0; i < 8; i++) {
      statuses.push((await api.post('/api/auth/login', { email: `spray${i}@x.eus`, password: 'password1' })).status);
    }
    expect(statuses.slice(0, 7)).toEqual([401, 401, 401, 401, 401, 401, 401]);
    expect(statuses[7]).toBe(429);
  });
});
