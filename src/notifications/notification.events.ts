import type { Notification } from './notification.entity';

declare module '../domain-events/domain-event-map' {
  interface DomainEventMap {
    /** Stored in the transaction; pushed to each person once it commits. */
    'notifications.added': Notification[];
  }
}
