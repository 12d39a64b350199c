import { Client } from 'pg';
import type { AuzolanDataSource } from './data-source';

export type Unlisten = () => Promise<void>;

/**
 * Called with a notification's payload, or with null right after (re)connecting: anything
 * notified while we were not listening was missed, so the listener should catch up.
 */
export type OnNotify = (payload: string | null) => void;

/**
 * LISTEN/NOTIFY in both modes, so a writer's commit can wake a worker at once.
 * - Server: a dedicated `pg` client (a pooled connection would lose the LISTEN), reconnecting
 *   after errors. `onLost` hears when the connection drops (notifications are missed until
 *   `onNotify(null)` says it is back).
 * - Embedded: PGlite has one session; notifications arrive through `onNotification`, and
 *   LISTEN is issued through TypeORM (never through the PGlite handle beside it).
 */
export async function listen(
  dataSource: AuzolanDataSource,
  channel: string,
  onNotify: OnNotify,
  onLost?: () => void,
): Promise<Unlisten> {
  if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  if (dataSource.pglite) {
    const unsubscribe = dataSource.pglite.onNotification((ch, payload) => {
      if (ch === channel) onNotify(payload ?? '');
    });
    await dataSource.query(`LISTEN ${channel}`);
    return async () => {
      unsubscribe();
      if (dataSource.isInitialized) await dataSource.query(`UNLISTEN ${channel}`).catch(() => undefined);
    };
  }
  let client: Client | null = null;
  let stopped = false;
  const retry = (): void => {
    setTimeout(() => {
      if (!stopped) connect().catch(retry);
    }, 1000);
  };
  const connect = async (): Promise<void> => {
    const c = new Client({ connectionString: dataSource.serverUrl! });
    let live = false;
    // Once listening, an error or the end of the connection means notifications are being missed.
    const drop = (): void => {
      if (!live) return; // a failure while connecting rejects connect() instead
      live = false;
      client = null;
      void c.end().catch(() => undefined);
      if (stopped) return;
      onLost?.();
      retry();
    };
    c.on('notification', (msg) => {
      if (msg.channel === channel) onNotify(msg.payload ?? '');
    });
    c.on('error', drop);
    c.on('end', drop);
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (e) {
      void c.end().catch(() => undefined);
      throw e;
    }
    if (stopped) {
      void c.end().catch(() => undefined);
      return;
    }
    live = true;
    client = c;
    onNotify(null); // anything committed while we were not listening
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => undefined);
  };
}
