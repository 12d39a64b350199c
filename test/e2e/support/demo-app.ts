import type { Browser } from 'playwright-core';
import { AppProcess } from '../../support/app-process';
import { Api } from '../../support/http';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { launch } from './browser';

export interface DemoGroups {
  techWatch: string;
  evaluation: string;
  talent: string;
}

/** The real built app on an ephemeral port, with a fresh embedded database seeded with the demo. */
export class DemoApp {
  private constructor(
    public app: AppProcess,
    readonly db: TestDatabase,
    readonly groups: DemoGroups,
  ) {}

  get url(): string {
    return this.app.url;
  }

  static async start(): Promise<DemoApp> {
    const db = await createTestDatabase();
    const app = await AppProcess.start({ ...db.env, SEED_DEMO: 'true', AUZOLAN_PRINT_LOGINS: 'false' }, 120_000);
    const api = new Api(app.url);
    const login = await api.post<{ token: string }>('/api/auth/login', {
      email: 'admin@agency.demo',
      password: 'auzolan-demo',
    });
    if (login.status !== 200) throw new Error(`demo admin login failed: ${login.status}`);
    const groups = await api.as({ token: login.body.token }).get<Array<{ id: string; slug: string }>>('/api/groups');
    const id = (slug: string) => groups.body.find((g) => g.slug === slug)!.id;
    return new DemoApp(app, db, { techWatch: id('tech-watch'), evaluation: id('evaluation'), talent: id('talent') });
  }

  /**
   * A normal restart, as a deploy does it: a graceful stop (SIGTERM), `whileDown` (the server is
   * unreachable then), and the same database and port again, so open tabs can come back.
   */
  async restart(whileDown: () => Promise<void> = async () => undefined): Promise<void> {
    const { port } = this.app;
    const logged = this.app.serverErrors();
    await this.app.stop();
    await whileDown();
    this.app = await AppProcess.start(
      { ...this.db.env, SEED_DEMO: 'true', AUZOLAN_PRINT_LOGINS: 'false', PORT: String(port) },
      120_000,
    );
    this.earlierErrors.push(...logged);
  }

  private readonly earlierErrors: string[] = [];

  /** Stops the server and drops the database; returns the 5xx lines it logged (should be none). */
  async close(): Promise<string[]> {
    await this.app.stop();
    await this.db.drop();
    return [...this.earlierErrors, ...this.app.serverErrors()];
  }
}

export const api = {
  channels: Boolean(process.env.E2E_API_CHANNELS),
  documents: Boolean(process.env.E2E_API_DOCUMENTS),
  search: Boolean(process.env.E2E_API_SEARCH),
};

/**
 * The demo app and a browser for one suite: started before its tests (in parallel), closed
 * after them, the app's log checked for errors. Read `suite.demo` and `suite.browser` inside
 * tests and hooks declared after this call.
 */
export function demoInBrowser(): { readonly demo: DemoApp; readonly browser: Browser } {
  const suite = {} as { demo: DemoApp; browser: Browser };
  beforeAll(async () => {
    [suite.demo, suite.browser] = await Promise.all([DemoApp.start(), launch()]);
  });
  afterAll(async () => {
    await suite.browser?.close();
    if (suite.demo) expect(await suite.demo.close()).toEqual([]);
  });
  return suite;
}
