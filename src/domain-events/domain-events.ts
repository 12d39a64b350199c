import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEventMap, DomainEventName } from './domain-event-map';

/** Runs inside the transaction that made the change, with it: rows that must land with the change. */
export type InTransactionHandler<K extends DomainEventName> = (
  payload: DomainEventMap[K],
  manager: EntityManager,
) => Promise<void>;

/** Runs once the change is committed: realtime pushes, socket revocation, caches, derived data. */
export type AfterCommitHandler<K extends DomainEventName> = (payload: DomainEventMap[K]) => Promise<void> | void;

interface Queued {
  name: DomainEventName;
  run: () => Promise<void> | void;
}

/**
 * The one way side effects travel between features, in two phases (Immich's event repository
 * is the model). A change runs in `transaction()`; what it `emit`s runs its in-transaction
 * handlers at once, with the transaction, and queues its after-commit handlers, which run in
 * order once the transaction has committed and its connection is released (so a handler may
 * query, and PGlite's one connection is not held meanwhile). A rollback drops the queue.
 * `transaction()` resolves after them, so the caller's reply already reflects their work.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);
  private readonly inTransaction = new Map<DomainEventName, Array<InTransactionHandler<DomainEventName>>>();
  private readonly afterCommit = new Map<DomainEventName, Array<AfterCommitHandler<DomainEventName>>>();
  /** The after-commit work of each open transaction, by its manager. */
  private readonly pending = new WeakMap<EntityManager, Queued[]>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onInTransaction<K extends DomainEventName>(name: K, handler: InTransactionHandler<K>): void {
    const list = this.inTransaction.get(name) ?? [];
    list.push(handler as InTransactionHandler<DomainEventName>);
    this.inTransaction.set(name, list);
  }

  onAfterCommit<K extends DomainEventName>(name: K, handler: AfterCommitHandler<K>): void {
    const list = this.afterCommit.get(name) ?? [];
    list.push(handler as AfterCommitHandler<DomainEventName>);
    this.afterCommit.set(name, list);
  }

  /** A transaction whose events' after-commit handlers run once it has committed. */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const queue: Queued[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      this.pending.set(manager, queue);
      try {
        return await work(manager);
      } finally {
        this.pending.delete(manager);
      }
    });
    await this.runAll(queue);
    return result;
  }

  /** Inside `transaction()`: the in-transaction handlers now, the after-commit ones queued. */
  async emit<K extends DomainEventName>(manager: EntityManager, name: K, payload: DomainEventMap[K]): Promise<void> {
    const queue = this.pending.get(manager);
    // A programming error, not an input: an event emitted where no commit will ever run its handlers.
    if (!queue) throw new Error(`domain event ${name} emitted outside DomainEvents.transaction()`);
    for (const handler of this.inTransaction.get(name) ?? []) await handler(payload, manager);
    for (const handler of this.afterCommit.get(name) ?? []) queue.push({ name, run: () => handler(payload) });
  }

  /** For a change already stored without a transaction of ours (a single statement): after-commit handlers only. */
  async emitCommitted<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): Promise<void> {
    if (this.inTransaction.get(name)?.length) {
      throw new Error(`domain event ${name} has in-transaction handlers: emit it inside transaction()`);
    }
    await this.runAll((this.afterCommit.get(name) ?? []).map((handler) => ({ name, run: () => handler(payload) })));
  }

  /** The change is committed: a failing handler is logged and must not undo it or stop the others. */
  private async runAll(queue: Queued[]): Promise<void> {
    for (const item of queue) {
      try {
        await item.run();
      } catch (e) {
        this.logger.error(`after-commit handler of ${item.name} failed: ${e instanceof Error ? e.stack : String(e)}`);
      }
    }
  }
}
