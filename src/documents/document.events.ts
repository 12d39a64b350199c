/**
 * A document became (or stopped being) what a `[[title]]` in its group resolves to: it was
 * created, renamed, published, deleted, restored or moved. `places` are the group and title
 * keys it answered to before and after. Documents linking there are rendered again, after commit.
 */
export interface LinkTargetChanged {
  documentId: string;
  places: Array<{ groupId: string; key: string }>;
}

declare module '../domain-events/domain-event-map' {
  interface DomainEventMap {
    'document.linkTargetChanged': LinkTargetChanged;
  }
}
