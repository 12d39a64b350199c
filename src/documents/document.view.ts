/**
 * Documents as the API shows them: part of the contract the client imports (src/contract).
 * Pure (no entity, no Nest): the client's type check reads this file. `Date` fields travel as
 * ISO strings; the client reads them through `Json<…>`.
 */
export const DOCUMENT_KINDS = ['page', 'ci_note', 'meeting_summary', 'resource'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_STATUSES = ['draft', 'published'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const ACTION_ITEM_STATUSES = ['open', 'done', 'dropped'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

/** Text fields are plain text; `*Html` fields are the renderer's safe HTML. */
export interface PersonRef {
  id: string;
  displayName: string;
  organisationId: string | null;
}

export interface OrganisationRef {
  id: string;
  name: string;
  shortName: string;
}

export interface ActionItemView {
  id: string;
  documentId: string;
  groupId: string;
  description: string;
  owner: ({ type: 'user' } & PersonRef) | ({ type: 'organisation' } & OrganisationRef);
  /** The organisation accountable: the owner organisation, or the owner person's. */
  organisationId: string | null;
  dueDate: string | null;
  status: ActionItemStatus;
  updatedAt: Date;
}

export interface FileView {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  downloadUrl: string;
  createdAt: Date;
}

export interface DocumentSummary {
  id: string;
  groupId: string;
  kind: DocumentKind;
  status: DocumentStatus;
  title: string;
  tags: string[];
  version: number;
  parentId: string | null;
  templateFor: DocumentKind | null;
  author: PersonRef | null;
  createdAt: Date;
  updatedAt: Date;
  publishedInGroupAt: Date | null;
  deletedAt?: Date;
  sourceUrl?: string | null;
  publisher?: string | null;
  publishedAt?: string | null;
  relevance?: number | null;
  meetingDate?: string | null;
  linkUrl?: string | null;
  fileId?: string | null;
}

export interface DocumentView extends DocumentSummary {
  body: string;
  bodyHtml: string;
  isTemplate: boolean;
  publishedBy: PersonRef | null;
  organisationsConcerned?: OrganisationRef[];
  attendees?: { users: PersonRef[]; organisations: OrganisationRef[] };
  decisions?: string[];
  decisionsHtml?: string[];
  actionItems?: ActionItemView[];
  file?: FileView | null;
  can: { edit: boolean; delete: boolean; publish: boolean };
}

export interface DocumentWarning {
  code: 'duplicate_source';
  message: string;
  document: { id: string; title: string; url: string };
}

export type SavedDocument = DocumentView & { warnings: DocumentWarning[] };

/** `GET /groups/:groupId/documents`. */
export interface DocumentList {
  items: DocumentSummary[];
  total: number;
}

/** `GET /groups/:groupId/tags`. */
export interface TagCount {
  tag: string;
  count: number;
}

/** `POST /markdown/preview`. */
export interface MarkdownPreview {
  html: string;
}

/** The `document:published` event, to the document's group. */
export interface DocumentPublishedPayload {
  documentId: string;
  groupId: string;
  kind: string;
  title: string;
  publishedBy: string;
  publishedAt: string;
}

declare module '../realtime/events' {
  interface ServerToClientEvents {
    'document:published': (payload: DocumentPublishedPayload) => void;
  }
}
