import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { DataSource } from 'typeorm';
import { DomainEventBus } from './domain-event-bus';

interface Probe {
  n: number;
}

declare module './domain-event-map' {
  interface DomainEventMap {
    'spec.happened': Probe;
  }
}

/** On a real (in-memory) PGlite with its one connection, as in embedded mode. */
describe('DomainEventBus', () => {
  let pglite: PGlite;
  let dataSource: DataSource;
  let events: DomainEventBus;
  const failures: unknown[] = [];
  const count = async (): Promise<number> =>
    Number((await dataSource.query<Array<{ n: string }>>('SELECT count(*) AS n FROM probe'))[0].n);

  beforeAll(async () => {
    pglite = await PGlite.create();
    dataSource = new DataSource({ type: 'postgres', poolSize: 1, extra: createPgConfig(pglite) });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE probe (n int)');
  });

  afterAll(async () => {
    await dataSource.destroy();
    await pglite.close();
  });

  beforeEach(async () => {
    await dataSource.query('DELETE FROM probe');
    failures.length = 0;
    events = new DomainEventBus(dataSource, (_event, e) => failures.push(e));
    events.onInTransaction('spec.happened', async ({ n }, manager) => {
      await manager.query('INSERT INTO probe (n) VALUES ($1)', [n]);
    });
  });

  it('runs in-transaction handlers with the transaction, and after-commit ones once it is committed', async () => {
    const seen: number[] = [];
    // Queries the database: with one connection this only ends if the transaction's is released.
    events.onAfterCommit('spec.happened', async () => {
      seen.push(await count());
    });
    const result = await events.transaction(async (manager) => {
      await events.emit(manager, 'spec.happened', { n: 1 });
      await events.emit(manager, 'spec.happened', { n: 2 });
      expect(seen).toEqual([]);
      return 'done';
    });
    expect(result).toBe('done');
    expect(seen).toEqual([2, 2]);
  });

  it('drops the after-commit work of a transaction that rolls back, with what its handlers wrote', async () => {
    const after = jest.fn();
    events.onAfterCommit('spec.happened', after);
    await expect(
      events.transaction(async (manager) => {
        await events.emit(manager, 'spec.happened', { n: 1 });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(after).not.toHaveBeenCalled();
    expect(await count()).toBe(0);
  });

  it('keeps a committed change when an after-commit handler fails, and runs the others', async () => {
    const later = jest.fn();
    events.onAfterCommit('spec.happened', () => {
      throw new Error('push failed');
    });
    events.onAfterCommit('spec.happened', later);
    await events.transaction((manager) => events.emit(manager, 'spec.happened', { n: 7 }));
    expect(later).toHaveBeenCalledWith({ n: 7 });
    expect(failures).toEqual([new Error('push failed')]);
    expect(await count()).toBe(1);
  });

  it('refuses an event emitted outside its transactions, where no commit would run its handlers', async () => {
    await expect(events.emit(dataSource.manager, 'spec.happened', { n: 1 })).rejects.toThrow(
      'emitted outside DomainEventBus.transaction()',
    );
    await expect(events.emitCommitted('spec.happened', { n: 1 })).rejects.toThrow('in-transaction handlers');
  });
});
