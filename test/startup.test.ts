import { AppProcess } from './support/app-process';
import { Api } from './support/http';
import { createTestDatabase, TestDatabase } from './support/test-database';

/** Booting, configuration errors, the data-directory lock, persistence and graceful stop. */
describe('configuration is validated at boot', () => {
  it.each([
    [{ PORT: 'abc' }, 'PORT must be an integer from 0 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT must be an integer from 0 to 65535'],
    [{ DATABASE_URL: 'mysql://root@localhost/db' }, 'DATABASE_URL must be a postgres or postgresql URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL must be a postgres or postgresql URL'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO must be true or false (got "maybe")'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ REDIS_URL: 'http://x' }, 'REDIS_URL must be a redis or rediss URL'],
    [{ ALLOWED_ORIGINS: 'https://ok.example,notanorigin' }, 'ALLOWED_ORIGINS must be a comma-separated list'],
    [{ ADMIN_EMAIL: 'a@b.eus' }, 'ADMIN_PASSWORD must be set together'],
    [{ ADMIN_EMAIL: 'a@b.eus', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD must be 8 to 256 characters long'],
  ])('%j stops the process with one clear line', async (env, message) => {
    const result = await AppProcess.spawn(env).whenExited();
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`auzolan: configuration error: ${message}`);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('an unreachable DATABASE_URL stops the process with one line naming the database, password hidden', async () => {
    const result = await AppProcess.spawn({ DATABASE_URL: 'postgres://bob:secret@127.0.0.1:1/nowhere' }).whenExited();
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('cannot open postgres://bob:***@127.0.0.1:1/nowhere');
    expect(result.stderr).not.toContain('secret');
  });
});

// The lock protects PGlite's directory; a database server guards itself.
const embeddedOnly = process.env.DATABASE_URL ? it.skip : it;

describe('a running instance', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('serves health, OpenAPI docs and the client, keeps data across a restart, and stops cleanly on SIGTERM', async () => {
    const env = { ...db.env, SEED_DEMO: 'true' };
    const first = await AppProcess.start(env);
    const api = new Api(first.url);
    const health = await api.get<{ status: string; info: { database: { status: string } } }>('/api/health');
    expect(health.status).toBe(200);
    expect(health.body.info.database.status).toBe('up');
    expect((await api.get<{ openapi: string }>('/api/docs/openapi.json')).body.openapi).toMatch(/^3\./);
    expect((await api.get<string>('/api/docs')).status).toBe(200);
    expect((await api.get<string>('/groups/anything')).status).toBe(200); // client route → index.html

    // Demo data is seeded and its logins work.
    const login = await api.post<{ token: string }>('/api/auth/login', {
      email: 'ane@energy.demo',
      password: 'auzolan-demo',
    });
    expect(login.status).toBe(200);
    const admin = await api.post<{ token: string }>('/api/auth/login', {
      email: 'admin@agency.demo',
      password: 'auzolan-demo',
    });
    const adminApi = api.as({ token: admin.body.token });
    const orgs = await adminApi.get<Array<{ kind: string }>>('/api/organisations');
    expect(orgs.body.filter((o) => o.kind === 'cluster_association')).toHaveLength(17);
    const groups = await adminApi.get<Array<{ slug: string; memberCount: number }>>('/api/groups');
    expect(groups.body.map((g) => g.slug).sort()).toEqual(['evaluation', 'talent', 'tech-watch']);
    expect(first.lines.join('\n')).toContain('admin@agency.demo');
    const created = await adminApi.post<{ id: string }>('/api/organisations', {
      kind: 'academia',
      name: 'Persisted University',
      shortName: 'PU',
    });
    expect(created.status).toBe(201);

    const stopped = await first.stop();
    expect(stopped.code === 0 || stopped.signal === 'SIGTERM').toBe(true);
    expect(first.serverErrors()).toEqual([]);

    // Same database, new process: the data is still there and seeding did not duplicate it.
    const second = await AppProcess.start(env);
    const again = new Api(second.url).as({ token: admin.body.token });
    const orgsAfter = await again.get<Array<{ name: string }>>('/api/organisations');
    expect(orgsAfter.status).toBe(200); // the session survived the restart too
    expect(orgsAfter.body.map((o) => o.name)).toContain('Persisted University');
    expect(orgsAfter.body).toHaveLength(orgs.body.length + 1);
    await second.stop();
    expect(second.serverErrors()).toEqual([]);
  });

  embeddedOnly('refuses a second embedded instance on the same data directory', async () => {
    const first = await AppProcess.start(db.env);
    const second = await AppProcess.spawn(db.env).whenExited();
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`is in use by another Auzolan process (pid ${first.pid})`);
    const stillFine = await new Api(first.url).get('/api/health');
    expect(stillFine.status).toBe(200);
    await first.stop();
    // After a clean stop the directory is free again.
    const third = await AppProcess.start(db.env);
    await third.stop();
  });

  embeddedOnly('takes over a lock left by a process that was killed', async () => {
    const crashed = await AppProcess.start(db.env);
    await crashed.kill();
    const next = await AppProcess.start(db.env);
    expect((await new Api(next.url).get('/api/health')).status).toBe(200);
    await next.stop();
  });
});
