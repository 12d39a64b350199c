import { Client } from 'pg';
import type { AuzolanDataSource } from './data-source';

export type Unlisten = () => Promise<void>;

/**
 * LISTEN/NOTIFY in both modes, so a writer's commit can wake a worker at once.
 * - Server: a dedicated `pg` client (a pooled connection would lose the LISTEN), reconnecting
 *   after errors.
 * - Embedded: PGlite has one session; notifications arrive through `onNotification`, and
 *   LISTEN is issued through TypeORM (never through the PGlite handle beside it).
 */
export async function listen(dataSource: AuzolanDataSource, channel: string, onNotify: () => void): Promise<Unlisten> {
  if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  if (dataSource.pglite) {
    const unsubscribe = dataSource.pglite.onNotification((ch) => {
      if (ch === channel) onNotify();
    });
    await dataSource.query(`LISTEN ${channel}`);
    return async () => {
      unsubscribe();
      if (dataSource.isInitialized) await dataSource.query(`UNLISTEN ${channel}`).catch(() => undefined);
    };
  }
  let client: Client | null = null;
  let stopped = false;
  const connect = async (): Promise<void> => {
    const c = new Client({ connectionString: dataSource.serverUrl! });
    c.on('notification', (msg) => {
      if (msg.channel === channel) onNotify();
    });
    c.on('error', () => {
      client = null;
      void c.end().catch(() => undefined);
      if (!stopped) setTimeout(() => void connect().catch(() => undefined), 1000);
    });
    await c.connect();
    await c.query(`LISTEN ${channel}`);
    client = c;
    onNotify(); // anything committed while we were not listening
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => undefined);
  };
}
