import type { Invalidation } from './invalidation';

declare module '../domain-events/domain-event-map' {
  interface DomainEventMap {
    /**
     * What a write changed that caches hold: announced to other processes inside the
     * transaction (pg_notify, delivered on commit) and dropped here once it commits.
     */
    'cache.invalidated': Invalidation[];
  }
}
