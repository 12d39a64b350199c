/**
 * A document's history as the API shows it (`/documents/:id/revisions…`): part of the contract
 * the client imports (src/contract). Pure types; `Date` fields travel as ISO strings.
 */
import type { ActionItemStatus, DocumentKind, DocumentStatus, PersonRef } from './document.view';

export type RevisionAction =
  'create' | 'update' | 'publish' | 'restore' | 'delete' | 'undelete' | 'move' | 'action_item';

export interface ActionItemState {
  id: string;
  description: string;
  ownerUserId: string | null;
  ownerOrganisationId: string | null;
  dueDate: string | null;
  status: ActionItemStatus;
}

/** Everything a revision records besides title and body. */
export interface RevisionFields {
  status: DocumentStatus;
  groupId: string;
  tags: string[];
  parentId: string | null;
  templateFor: DocumentKind | null;
  sourceUrl: string | null;
  publisher: string | null;
  publishedAt: string | null;
  relevance: number | null;
  organisationsConcerned: string[];
  meetingDate: string | null;
  attendees: { users: string[]; organisations: string[] };
  decisions: string[];
  actionItems: ActionItemState[];
  linkUrl: string | null;
  fileId: string | null;
}

export interface RevisionSummary {
  version: number;
  action: RevisionAction;
  title: string;
  author: PersonRef | null;
  createdAt: Date;
}

export interface RevisionView extends RevisionSummary {
  documentId: string;
  body: string;
  fields: RevisionFields;
}

/** One run of lines in a line diff: unchanged, added in `to`, or removed from `from`. */
export interface DiffChunk {
  op: 'equal' | 'add' | 'remove';
  lines: string[];
}

export interface LineDiff {
  chunks: DiffChunk[];
  added: number;
  removed: number;
}

export interface RevisionDiff {
  documentId: string;
  from: number;
  to: number;
  title: { from: string; to: string };
  body: LineDiff;
  /** Other fields (tags, status, action items…) that differ. */
  changedFields: string[];
}
