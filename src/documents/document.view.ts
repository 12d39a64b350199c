import type { ActionItemStatus, DocumentKind, DocumentStatus } from './rules';

/** What the API returns. Text fields are plain text; `*Html` fields are the renderer's safe HTML. */
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
