import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { ChannelView } from '../src/contract';
import { ADMIN_EMAIL, ADMIN_PASSWORD, Group, Person, World } from './factories';
import { AppProcess } from './support/app-process';
import { Api } from './support/http';
import { settle, SocketClient } from './support/socket';

/**
 * Two app processes behind a load balancer share Postgres and Redis: a broadcast on one
 * reaches sockets on the other, presence spans both, and revocation crosses over too.
 * Needs real servers, so it runs only when DATABASE_URL and REDIS_URL are both set.
 */
const servers = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
const describeWithServers = servers ? describe : describe.skip;

describeWithServers(
  `two processes on one database over Redis${servers ? '' : ' (skipped: needs DATABASE_URL and REDIS_URL)'}`,
  () => {
    let world: World;
    let b: AppProcess;
    let ane: Person;
    let jon: Person;
    let group: Group;
    let channel: ChannelView;
    const sockets: SocketClient[] = [];

    const on = async (app: AppProcess, who: Person): Promise<SocketClient> => {
      const client = await SocketClient.connect(app.url, who.token);
      sockets.push(client);
      return client;
    };

    beforeAll(async () => {
      const REDIS_URL = process.env.REDIS_URL!;
      world = await World.start({ REDIS_URL });
      b = await AppProcess.start({ ...world.db.env, ADMIN_EMAIL, ADMIN_PASSWORD, REDIS_URL });
      ane = await world.createPerson({ displayName: 'Ane on A' });
      jon = await world.createPerson({ displayName: 'Jon on B' });
      group = await world.createGroup({ visibility: 'private' });
      await world.addMember(group, ane, 'member');
      await world.addMember(group, jon, 'member');
      [channel] = (await world.admin.api.get<ChannelView[]>(`/api/groups/${group.id}/channels`)).body;
    });

    afterAll(async () => {
      for (const s of sockets) s.close();
      await b.stop();
      expect([...(await world.close()), ...b.serverErrors()]).toEqual([]);
    });

    it('a client on A receives what a client on B posts, and the other way round; presence lists both', async () => {
      const onA = await on(world.app, ane);
      const onB = await on(b, jon);
      expect((await onA.join(channel.id, 0)).ok).toBe(true);
      expect((await onB.join(channel.id, 0)).ok).toBe(true);

      const fromB = await onB.post(channel.id, 'posted on process B');
      expect((await onA.waitFor('message:new', (m) => m.id === fromB.id)).body).toBe('posted on process B');
      const fromA = await onA.post(channel.id, 'posted on process A');
      expect((await onB.waitFor('message:new', (m) => m.id === fromA.id)).seq).toBe(fromB.seq + 1);

      await onA.waitFor('presence', (p) => p.groupId === group.id && p.online.includes(jon.id));
      for (const client of [onA, onB]) {
        const presence = await client.call<{ online: string[] }>('presence:get', { groupId: group.id });
        expect(presence).toMatchObject({ ok: true, online: expect.arrayContaining([ane.id, jon.id]) });
      }
    });

    it('one clientMsgId sent through A and B while the channel is locked is stored once; both acks are it', async () => {
      // Both processes start their batch (and its snapshot) while we hold the channel's lock;
      // whichever goes second cannot see the first's message in that snapshot, and must still
      // answer with it rather than store it twice or refuse it.
      const holder = new Client({ connectionString: world.db.env.DATABASE_URL });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query('SELECT 1 FROM channels WHERE id = $1 FOR UPDATE', [channel.id]);
        const clientMsgId = randomUUID();
        const sent = [await on(world.app, ane), await on(b, ane)].map((c) =>
          c.send(channel.id, 'sent twice', { clientMsgId }),
        );
        for (let waiting = 0, tries = 0; waiting < 2; tries++) {
          if (tries === 500) throw new Error('the two sends never waited for the channel lock');
          await new Promise((resolve) => setTimeout(resolve, 20));
          const [row] = (
            await holder.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%'`,
            )
          ).rows;
          waiting = row.n;
        }
        await holder.query('COMMIT');
        const acks = await Promise.all(sent);
        expect(acks.every((a) => a.ok)).toBe(true);
        expect(new Set(acks.map((a) => (a.ok ? a.message.id : null))).size).toBe(1);
        const { body } = await ane.api.get<{ messages: Array<{ clientMsgId: string }> }>(
          `/api/channels/${channel.id}/messages?limit=200`,
        );
        expect(body.messages.filter((m) => m.clientMsgId === clientMsgId)).toHaveLength(1);
      } finally {
        await holder.end();
      }
    });

    it('removal and logout on A take effect on sockets connected to B', async () => {
      const onA = await on(world.app, ane);
      const onB = await on(b, jon);
      // A second socket on B that stays in the room: once it has a broadcast, B has delivered it.
      const witness = await on(b, ane);
      expect((await onB.join(channel.id)).ok).toBe(true);
      expect((await witness.join(channel.id)).ok).toBe(true);
      expect((await world.admin.api.delete(`/api/groups/${group.id}/members/${jon.id}`)).status).toBe(204);
      await onB.waitFor('access:revoked', (e) => e.groupId === group.id);
      expect(await onB.send(channel.id, 'still here?')).toMatchObject({ ok: false, error: { code: 'not_found' } });
      const after = await onA.post(channel.id, 'after Jon left');
      await witness.waitFor('message:new', (m) => m.id === after.id);
      await settle(onB, channel.id);
      expect(onB.received('message:new').map((m) => m.id)).not.toContain(after.id);

      expect((await new Api(world.app.url).as({ token: jon.token }).post('/api/auth/logout')).status).toBe(204);
      await onB.waitForDisconnect();
    });
  },
);
