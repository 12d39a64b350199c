/**
 * What a feature hands to search, built by the feature itself: search never imports a
 * feature. `version` orders updates of one entity so a stale one never overwrites a newer
 * one or resurrects a deleted one.
 */
export type SearchableType = 'document' | 'message';

export interface SearchDocument {
  type: SearchableType;
  id: string;
  groupId: string;
  /** Document kind (`page`, `ci_note`, `meeting_summary`, `resource`) or `message`. */
  kind: string;
  title: string;
  /** Plain text as readers see it (the rendered HTML's text, never markdown): snippets quote it. */
  body: string;
  tags: string[];
  authorId: string | null;
  organisationId: string | null;
  /** ISO-639-1 code when known (`en`, `es`, `eu`), for stemming. */
  language: string | null;
  /** Client route that opens the item. */
  url: string;
  createdAt: string;
  updatedAt: string;
  /** Extra fields worth matching (CI note publisher, resource file name…). */
  extra?: Record<string, string>;
}
