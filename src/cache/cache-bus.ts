import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/config';
import { AuzolanDataSource } from '../database/data-source';
import { databaseMode } from '../database/mode';
import { listen, Unlisten } from '../database/pg-listener';
import { DomainEvents } from '../domain-events/domain-events';
import { BoundedCache, BoundedCacheOptions } from './bounded-cache';
import { decodeMessage, encodeMessage, Invalidation } from './invalidation';

export const CACHE_CHANNEL = 'auzolan_cache';

/**
 * Keeps the in-process caches (sessions, group access, /me) honest across processes.
 *
 * A write that changes what a cache holds emits `cache.invalidated` on the domain-event map
 * in its transaction (`write()` does both for a write of its own): the invalidations travel to the other
 * processes as a Postgres NOTIFY on `auzolan_cache`, sent in the write's transaction so it is
 * delivered exactly when the write commits, and are applied in this process right after the
 * commit, before the writer's response goes out.
 *
 * The window: another process drops its entries when the notification reaches it, normally
 * a few milliseconds after the commit. A request it serves in between may still see the old
 * state (a revoked session accepted once more). If the LISTEN connection drops, every cache
 * is emptied and bypassed until it is back, and every entry also expires after its TTL, so a
 * lost notification cannot keep anything stale for long.
 *
 * Embedded mode has one process (the data directory is locked), so there is nothing to send:
 * invalidations are applied locally and take effect at once.
 */
@Injectable()
export class CacheBus implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('cache');
  private readonly origin = randomUUID();
  private readonly subscribers: Array<(invalidation: Invalidation) => void> = [];
  private readonly shared: boolean;
  /** Whether invalidations from other processes can reach us, so caches may serve. */
  private live: boolean;
  private unlisten: Unlisten | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: AuzolanDataSource,
    private readonly events: DomainEvents,
    config: AppConfig,
  ) {
    this.shared = databaseMode(config) === 'server';
    this.live = !this.shared;
  }

  async onModuleInit(): Promise<void> {
    // Dropped here before the commit too: should the commit fail, whether it took effect may
    // be unknown, and dropping entries is always safe.
    this.events.onInTransaction('cache.invalidated', async (list, manager) => {
      this.apply(list);
      await this.notify(manager, list);
    });
    this.events.onAfterCommit('cache.invalidated', (list) => this.apply(list));
    if (!this.shared) return;
    this.unlisten = await listen(
      this.dataSource,
      CACHE_CHANNEL,
      (payload) => this.received(payload),
      () => {
        this.live = false;
        this.apply([{ kind: 'all' }]);
        this.logger.warn('lost the cache invalidation channel: caches are off until it is back');
      },
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.unlisten?.();
  }

  /** A cache that serves only while invalidations can reach this process. */
  cache<K, V>(options: Omit<BoundedCacheOptions<V>, 'active'>): BoundedCache<K, V> {
    return new BoundedCache<K, V>({ ...options, active: () => this.live });
  }

  /** Hears every invalidation, from this process or another. Subscribers must be quick and must not throw. */
  subscribe(listener: (invalidation: Invalidation) => void): void {
    this.subscribers.push(listener);
  }

  /**
   * Runs a write in a DomainEvents transaction with its `cache.invalidated` event.
   * `invalidations` may depend on what the write returned. Use only `manager` inside.
   */
  async write<T>(
    work: (manager: EntityManager) => Promise<T>,
    invalidations: (result: T) => Invalidation[],
  ): Promise<T> {
    return this.events.transaction(async (manager) => {
      const r = await work(manager);
      await this.events.emit(manager, 'cache.invalidated', invalidations(r));
      return r;
    });
  }

  /** Inside a write's transaction: tells the other processes when it commits. */
  private async notify(manager: EntityManager, invalidations: Invalidation[]): Promise<void> {
    if (!this.shared || invalidations.length === 0) return;
    const payload = encodeMessage({ origin: this.origin, invalidations });
    await manager.query('SELECT pg_notify($1, $2)', [CACHE_CHANNEL, payload]);
  }

  /** Outside any transaction (bulk writes such as the demo seed): announce and apply at once. */
  async publish(invalidations: Invalidation[]): Promise<void> {
    await this.notify(this.dataSource.manager, invalidations);
    this.apply(invalidations);
  }

  /** Drops what the invalidations touch in this process. */
  private apply(invalidations: Invalidation[]): void {
    for (const invalidation of invalidations) {
      for (const subscriber of this.subscribers) subscriber(invalidation);
    }
  }

  private received(payload: string | null): void {
    if (payload === null) {
      // (Re)connected: whatever was notified while we were not listening is lost.
      this.apply([{ kind: 'all' }]);
      this.live = true;
      return;
    }
    const message = decodeMessage(payload);
    if (message.origin !== this.origin) this.apply(message.invalidations);
  }
}
