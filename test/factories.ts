import { randomUUID } from 'node:crypto';
import { AppProcess } from './support/app-process';
import { Api } from './support/http';
import { createTestDatabase, TestDatabase } from './support/test-database';

export const ADMIN_EMAIL = 'admin@test.auzolan';
export const ADMIN_PASSWORD = 'admin-password-1';
export const PASSWORD = 'member-password-1';

export interface Person {
  id: string;
  email: string;
  password: string;
  token: string;
  organisationId: string | null;
  /** Authenticated with a bearer token, as scripts and the socket client do. */
  api: Api;
}

export interface Organisation {
  id: string;
  name: string;
  kind: string;
}

export interface Group {
  id: string;
  slug: string;
  visibility: 'open' | 'private';
}

let counter = 0;
const unique = (prefix: string): string => `${prefix}-${process.pid}-${++counter}-${randomUUID().slice(0, 6)}`;

/**
 * One running Auzolan on a fresh database, with factories so each test builds exactly the
 * world it needs: organisations, people with roles, working groups.
 */
export class World {
  admin: Person;
  private readonly earlierErrors: string[] = [];

  private constructor(
    public app: AppProcess,
    readonly db: TestDatabase,
    readonly api: Api,
    private readonly env: Record<string, string>,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<World> {
    const db = await createTestDatabase();
    const app = await AppProcess.start({
      ...db.env,
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      ...env,
    });
    const world = new World(app, db, new Api(app.url), env);
    world.admin = await world.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    return world;
  }

  async login(email: string, password: string): Promise<Person> {
    const res = await this.api.post<{ token: string; user: { id: string; organisationId: string | null } }>(
      '/api/auth/login',
      { email, password },
    );
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    const { token, user } = res.body;
    return { id: user.id, email, password, token, organisationId: user.organisationId, api: this.api.as({ token }) };
  }

  async createOrganisation(fields: Partial<Organisation & { sector: string }> = {}): Promise<Organisation> {
    const name = fields.name ?? unique('Cluster');
    const res = await this.admin.api.post<Organisation>('/api/organisations', {
      kind: 'cluster_association',
      shortName: name.slice(0, 40),
      sector: 'energy',
      ...fields,
      name,
    });
    if (res.status !== 201) throw new Error(`createOrganisation: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async createPerson(
    fields: { organisationId?: string | null; role?: 'admin' | 'member'; displayName?: string } = {},
  ): Promise<Person> {
    const email = `${unique('person')}@test.auzolan`;
    const res = await this.admin.api.post<{ id: string }>('/api/users', {
      email,
      password: PASSWORD,
      displayName: fields.displayName ?? email.split('@')[0],
      ...fields,
    });
    if (res.status !== 201) throw new Error(`createPerson: ${res.status} ${JSON.stringify(res.body)}`);
    return this.login(email, PASSWORD);
  }

  async createGroup(fields: { visibility?: 'open' | 'private'; name?: string } = {}): Promise<Group> {
    const slug = unique('group').toLowerCase();
    const res = await this.admin.api.post<Group>('/api/groups', { slug, name: fields.name ?? slug, ...fields });
    if (res.status !== 201) throw new Error(`createGroup: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async addMember(group: Group, person: Person, role: 'facilitator' | 'member' | 'observer'): Promise<void> {
    const res = await this.admin.api.put(`/api/groups/${group.id}/members/${person.id}`, { role });
    if (res.status !== 200) throw new Error(`addMember: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /**
   * Stops the server, runs `between` (e.g. work on the embedded database, which only one
   * process may open), and starts it again on the same port and database, so every
   * `Person.api` keeps working.
   */
  async restart(between?: () => Promise<void>): Promise<void> {
    this.earlierErrors.push(...this.app.serverErrors());
    await this.app.stop();
    await between?.();
    this.app = await AppProcess.start({
      ...this.db.env,
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      ...this.env,
      PORT: String(this.app.port),
    });
  }

  /** Stops the server, checks it logged no 5xx, and drops the database. */
  async close(): Promise<string[]> {
    await this.app.stop();
    await this.db.drop();
    return [...this.earlierErrors, ...this.app.serverErrors()];
  }
}
