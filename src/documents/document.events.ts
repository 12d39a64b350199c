import type { Actor } from '../auth/actor';
import type { Document } from './document.entity';

/**
 * A document became (or stopped being) what a `[[title]]` in its group resolves to: it was
 * created, renamed, published, deleted, restored or moved. `places` are the group and title
 * keys it answered to before and after. Documents linking there are rendered again, after commit.
 */
export interface LinkTargetChanged {
  documentId: string;
  places: Array<{ groupId: string; key: string }>;
}

/** A document was published in its group (created published, or published later). */
export interface DocumentPublished {
  doc: Document;
  actor: Pick<Actor, 'id' | 'displayName'>;
}

declare module '../domain-events/domain-event-map' {
  interface DomainEventMap {
    'document.linkTargetChanged': LinkTargetChanged;
    'document.published': DocumentPublished;
  }
}
