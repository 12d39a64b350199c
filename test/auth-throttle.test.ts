import { ADMIN_EMAIL, ADMIN_PASSWORD, PASSWORD, World } from './factories';
import { AppProcess } from './support/app-process';
import { Api, ErrorReply, Reply } from './support/http';

/**
 * The sign-in limit is a count taken before the (slow) password check. If the count and
 * the record of the attempt are not one atomic step, N parallel guesses all see "under the
 * limit" and all get checked. A 401 means the password was checked; a 429 means it was not.
 */
const LIMIT = 5;
const LIMITS = {
  LOGIN_MAX_FAILURES_PER_ACCOUNT: String(LIMIT),
  // High, so only the per-account limit is under test here (auth.test.ts covers the address limit).
  LOGIN_MAX_FAILURES_PER_ADDRESS: '1000',
};
const WRONG = Array.from({ length: 24 }, (_, i) => `wrong-guess-${i}-pass`);

const login = (api: Api, email: string, password: string): Promise<Reply<ErrorReply>> =>
  api.post<ErrorReply>('/api/auth/login', { email, password });

/** How many passwords the server checked (401), after making sure every other answer is a 429. */
function checked(replies: Array<Reply<ErrorReply>>): number {
  for (const reply of replies) {
    if (reply.status === 429) {
      expect(reply.body.error.code).toBe('rate_limited');
      expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
    } else {
      expect(reply.status).toBe(401);
    }
  }
  return replies.filter((r) => r.status === 401).length;
}

describe('the sign-in limit under parallel guesses', () => {
  let world: World;

  beforeAll(async () => {
    world = await World.start(LIMITS);
  });

  afterAll(async () => {
    expect(await world.close()).toEqual([]);
  });

  it('25 parallel guesses, the right one last: 5 passwords checked, the right one refused with 429', async () => {
    const victim = await world.createPerson();
    const replies = await Promise.all([...WRONG, PASSWORD].map((p) => login(world.api, victim.email, p)));
    const right = replies.pop()!;
    expect(right.status).toBe(429);
    expect(checked(replies)).toBe(LIMIT);
    expect((await victim.api.get('/api/me')).status).toBe(200); // existing sessions are untouched
  });

  it('24 parallel wrong guesses, then the right one: 5 checked, the right one refused with 429', async () => {
    const victim = await world.createPerson();
    const replies = await Promise.all(WRONG.map((p) => login(world.api, victim.email, p)));
    expect(checked(replies)).toBe(LIMIT);
    const right = await login(world.api, victim.email, PASSWORD);
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('rate_limited');
  });

  it('a right password under the limit still signs in and clears the count', async () => {
    const person = await world.createPerson();
    const wrong = await Promise.all(WRONG.slice(0, LIMIT - 1).map((p) => login(world.api, person.email, p)));
    expect(checked(wrong)).toBe(LIMIT - 1);
    expect((await login(world.api, person.email, PASSWORD)).status).toBe(200);
    // Counting starts again after a successful sign-in.
    const again = await Promise.all(WRONG.map((p) => login(world.api, person.email, p)));
    expect(checked(again)).toBe(LIMIT);
  });
});

/**
 * Two processes on one Postgres database, as production runs behind a load balancer (with
 * Redis when REDIS_URL is set). Embedded mode cannot have two processes on one data directory.
 */
const server = Boolean(process.env.DATABASE_URL);
const describeWithServer = server ? describe : describe.skip;

describeWithServer(
  `the sign-in limit across two processes${server ? '' : ' (skipped: needs DATABASE_URL; embedded mode allows one process per data directory)'}`,
  () => {
    let world: World;
    let b: AppProcess;

    beforeAll(async () => {
      const redis: Record<string, string> = process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {};
      world = await World.start({ ...LIMITS, ...redis });
      b = await AppProcess.start({ ...world.db.env, ADMIN_EMAIL, ADMIN_PASSWORD, ...LIMITS, ...redis });
    });

    afterAll(async () => {
      await b.stop();
      expect([...(await world.close()), ...b.serverErrors()]).toEqual([]);
    });

    it('25 parallel guesses spread over both: 5 checked in all, the right one refused with 429', async () => {
      const victim = await world.createPerson();
      const apis = [world.api, new Api(b.url)];
      const replies = await Promise.all([...WRONG, PASSWORD].map((p, i) => login(apis[i % 2]!, victim.email, p)));
      const right = replies.pop()!;
      expect(right.status).toBe(429);
      expect(checked(replies)).toBe(LIMIT);
      for (const api of apis) expect((await login(api, victim.email, PASSWORD)).status).toBe(429);
    });
  },
);
