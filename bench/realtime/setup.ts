import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../src/auth/password';
import { Session } from '../../src/auth/session.entity';
import { hashToken, newSessionToken } from '../../src/auth/tokens';
import { loadConfig } from '../../src/config/config';
import { openDatabase } from '../../src/database/data-source';
import { Channel } from '../../src/channels/channel.entity';
import { Membership } from '../../src/groups/membership.entity';
import { WorkingGroup } from '../../src/groups/working-group.entity';
import { normaliseEmail } from '../../src/common/email';
import { User } from '../../src/users/user.entity';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { AppProcess } from '../../test/support/app-process';
import { Api } from '../../test/support/http';
import { createTestDatabase, TestDatabase } from '../../test/support/test-database';
import { trackPid } from '../lib/child';
import { CONFIG } from './config';

const ADMIN = { email: 'bench-admin@bench.auzolan', password: 'bench-password-1' };
const PASSWORD = 'bench-person-password-1';

export interface Person {
  id: string;
  email: string;
  token: string;
}

/**
 * What the realtime benchmark needs on a fresh database:
 * - G1: one working group with CONFIG.channels channels; every person is a member;
 * - G2: CONFIG.g2Channels groups (their `general` channel each); sender j is a member of group j mod n.
 */
interface Seeded {
  people: Person[];
  g1Channels: string[];
  g2Channels: string[];
}

/** The app running on that database. */
export interface Stage extends Seeded {
  app: AppProcess;
  /** How long each step of the setup took, ms. */
  timings: Record<string, number>;
  stop(): Promise<void>;
}

async function must<T>(reply: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const r = await reply;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Runs `fn` for 0..n-1, at most `concurrency` at a time. */
export async function pool(n: number, concurrency: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, concurrency) }, async () => {
      while (next < n) await fn(next++);
    }),
  );
}

async function startApp(db: TestDatabase): Promise<{ app: AppProcess; forget: () => void }> {
  const app = await AppProcess.start(appEnv(db), 90_000);
  return { app, forget: trackPid(app.pid) };
}

function appEnv(db: TestDatabase): Record<string, string> {
  return {
    ...db.env,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
  };
}

async function signIn(url: string, email: string, password: string): Promise<string> {
  return (await must(new Api(url).post<{ token: string }>('/api/auth/login', { email, password }), 'login')).token;
}

/** The groups and channels, through the API. */
async function groups(admin: Api): Promise<Seeded & { g1: string; g2: string[] }> {
  type Id = { id: string };
  const general = async (groupId: string): Promise<string> =>
    (await must(admin.get<Id[]>(`/api/groups/${groupId}/channels`), 'channels'))[0].id;
  const g1 = (await must(admin.post<Id>('/api/groups', { slug: 'bench-fanout', name: 'Bench fan-out' }), 'group')).id;
  const g1Channels = [await general(g1)];
  await pool(CONFIG.channels - 1, 4, async (i) => {
    const c = await must(admin.post<Id>(`/api/groups/${g1}/channels`, { name: `fanout-${i + 1}` }), 'channel');
    g1Channels[i + 1] = c.id;
  });
  const g2: string[] = [];
  const g2Channels: string[] = [];
  await pool(CONFIG.g2Channels, 4, async (i) => {
    g2[i] = (await must(admin.post<Id>('/api/groups', { slug: `bench-persist-${i}`, name: `Persist ${i}` }), 'g2')).id;
    g2Channels[i] = await general(g2[i]);
  });
  return { g1, g1Channels, g2, g2Channels, people: [] };
}

/**
 * BENCH_SETUP=db: groups, channels, people, memberships and sessions written through the app's
 * own entities before the server starts (one start, no restart). The password hash is one real
 * argon2id hash, so these people can sign in (checked); each session is a fresh token whose
 * SHA-256 is stored, as login does. What G1/G2/G6 measure starts at the socket handshake, which
 * authenticates these sessions the ordinary way: only the 2,000 argon2 computations of creating
 * and signing in 1,000 people through the API are skipped (BENCH_SETUP=api does them).
 */
async function seed(db: TestDatabase): Promise<Seeded> {
  const { dataSource } = await openDatabase(loadConfig(appEnv(db)));
  try {
    const group = (slug: string, name: string): Partial<WorkingGroup> => ({ id: randomUUID(), slug, name });
    const channel = (groupId: string, name: string): Partial<Channel> => ({ id: randomUUID(), groupId, name });
    const g1 = group('bench-fanout', 'Bench fan-out');
    const g2 = Array.from({ length: CONFIG.g2Channels }, (_, i) => group(`bench-persist-${i}`, `Persist ${i}`));
    const g1Channels = Array.from({ length: CONFIG.channels }, (_, i) =>
      channel(g1.id!, i ? `fanout-${i}` : 'general'),
    );
    const g2Channels = g2.map((g) => channel(g.id!, 'general'));
    const passwordHash = await hashPassword(PASSWORD);
    const people: Person[] = [];
    const users: Array<Partial<User>> = [];
    const memberships: Array<Partial<Membership>> = [];
    const sessions: Array<Partial<Session>> = [];
    const expiresAt = new Date(Date.now() + 24 * 3_600_000);
    for (let i = 0; i < CONFIG.clients; i++) {
      const check = normaliseEmail(`bench-${i}@bench.auzolan`);
      if (!check.ok) throw new Error(check.reason);
      const person = { id: randomUUID(), email: check.email, token: newSessionToken() };
      people.push(person);
      users.push({ id: person.id, email: person.email, displayName: `Bench ${i}`, passwordHash, active: true });
      memberships.push({ groupId: g1.id, userId: person.id, role: 'member' });
      if (i < CONFIG.senders) memberships.push({ groupId: g2[i % g2.length].id, userId: person.id, role: 'member' });
      sessions.push({ tokenHash: hashToken(person.token), userId: person.id, expiresAt, revokedAt: null });
    }
    await dataSource.transaction(async (m) => {
      const insert = async <T extends ObjectLiteral>(
        entity: EntityTarget<T>,
        rows: Array<Partial<T>>,
      ): Promise<void> => {
        for (let i = 0; i < rows.length; i += 500) await m.insert(entity, rows.slice(i, i + 500) as T[]);
      };
      await insert(WorkingGroup, [g1, ...g2]);
      await insert(Channel, [...g1Channels, ...g2Channels]);
      await insert(User, users);
      await insert(Membership, memberships);
      await insert(Session, sessions);
    });
    return { people, g1Channels: g1Channels.map((c) => c.id!), g2Channels: g2Channels.map((c) => c.id!) };
  } finally {
    await dataSource.destroy();
  }
}

/** BENCH_SETUP=api: groups, channels and every person through the public API (argon2 twice each). */
async function throughApi(url: string): Promise<Seeded> {
  const admin = new Api(url, { token: await signIn(url, ADMIN.email, ADMIN.password) });
  const { g1, g1Channels, g2, g2Channels } = await groups(admin);
  const people: Person[] = [];
  await pool(CONFIG.clients, 6, async (i) => {
    const email = `bench-${i}@bench.auzolan`;
    const user = await must(
      admin.post<{ id: string }>('/api/users', { email, password: PASSWORD, displayName: `Bench ${i}` }),
      'user',
    );
    await must(admin.put(`/api/groups/${g1}/members/${user.id}`, { role: 'member' }), 'member');
    if (i < CONFIG.senders)
      await must(admin.put(`/api/groups/${g2[i % g2.length]}/members/${user.id}`, { role: 'member' }), 'member');
    people[i] = { id: user.id, email, token: await signIn(url, email, PASSWORD) };
  });
  return { people, g1Channels, g2Channels };
}

/** The seeded people sign in and authenticate, and see every channel of the G1 group. */
async function check(url: string, s: Seeded): Promise<void> {
  await signIn(url, s.people[0].email, PASSWORD);
  for (const p of [s.people[0], s.people[s.people.length - 1]]) {
    const me = await must(new Api(url, { token: p.token }).get<{ user: { id: string } }>('/api/me'), 'me');
    if (me.user.id !== p.id) throw new Error('a seeded session authenticates someone else');
  }
  const channel = await must(
    new Api(url, { token: s.people[0].token }).get<{ groupId: string }>(`/api/channels/${s.g1Channels[0]}`),
    'channel',
  );
  const list = await must(
    new Api(url, { token: s.people[0].token }).get<unknown[]>(`/api/groups/${channel.groupId}/channels`),
    'channels',
  );
  if (list.length !== CONFIG.channels)
    throw new Error(`the G1 group has ${list.length} channels, not ${CONFIG.channels}`);
}

export async function stage(serverUrl: string | null): Promise<Stage> {
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (name: string): void => {
    timings[name] = Math.round(performance.now() - t0);
    t0 = performance.now();
  };
  const db = await createTestDatabase(serverUrl);
  let running: { app: AppProcess; forget: () => void } | null = null;
  const stopApp = async (): Promise<void> => {
    const r = running;
    running = null;
    if (!r) return;
    const timer = setTimeout(() => void r.app.kill(), 15_000); // bounded: SIGTERM, then SIGKILL
    await r.app.stop();
    clearTimeout(timer);
    r.forget();
  };
  let dropped = false;
  const stop = async (): Promise<void> => {
    await stopApp().catch(() => undefined);
    if (!dropped) await db.drop();
    dropped = true;
  };
  try {
    let seeded: Seeded | null = null;
    if (CONFIG.setup === 'db') {
      seeded = await seed(db);
      lap('seed');
    }
    running = await startApp(db);
    lap('start');
    if (!seeded) {
      seeded = await throughApi(running.app.url);
      lap('peopleThroughApi');
    }
    await check(running.app.url, seeded);
    lap('check');
    return { app: running.app, ...seeded, timings, stop };
  } catch (e) {
    await stop().catch(() => undefined);
    throw e;
  }
}
