/**
 * Knowledge writes: the editor's form state, and the request bodies built from it (the
 * documents DTOs refuse unknown fields, so a mismatch shows up at once as a 400 naming the
 * field). Answers are the server's views (`@contract`).
 */
import type {
  ActionItemStatus,
  DocumentKind,
  DocumentView,
  FileView,
  Json,
  MarkdownPreview,
  SavedDocument,
} from '@contract';
import { api, post, put, upload } from '../../api/http';
import { knowledgeApi } from './urls';

/** An action item as the editor holds it: a new one has no id yet; its owner is a person or an organisation. */
export interface ActionItemDraft {
  id?: string;
  description: string;
  ownerUserId: string | null;
  ownerOrganisationId: string | null;
  dueDate: string | null;
  status: ActionItemStatus;
}

/** The CI note this one repeats, when the server warned on save. */
export const duplicateOf = (saved: Json<SavedDocument>): { id: string; title: string } | null =>
  saved.warnings.find((w) => w.code === 'duplicate_source')?.document ?? null;

/**
 * The editor navigates to the saved document at once, so the save's warning travels in the
 * navigation state and the document page shows it (for that document only).
 */
export interface SavedState {
  savedId: string;
  duplicate: { id: string; title: string };
}

export function savedWarning(state: unknown, docId: string): SavedState['duplicate'] | null {
  if (typeof state !== 'object' || state === null) return null;
  const s = state as Partial<SavedState>;
  const dup = s.duplicate;
  if (s.savedId !== docId || typeof dup?.id !== 'string' || typeof dup.title !== 'string') return null;
  return { id: dup.id, title: dup.title };
}

export interface DocumentDraft {
  kind: DocumentKind;
  title: string;
  body: string;
  tags: string;
  parentId: string;
  isTemplate: boolean;
  sourceUrl: string;
  publisher: string;
  sourcePublishedAt: string;
  relevance: string;
  organisationsConcerned: string[];
  meetingDate: string;
  attendeeUserIds: string[];
  attendeeOrganisationIds: string[];
  decisions: string[];
  actionItems: ActionItemDraft[];
  url: string;
}

export function emptyDraft(kind: DocumentKind): DocumentDraft {
  return {
    kind,
    title: '',
    body: '',
    tags: '',
    parentId: '',
    isTemplate: false,
    sourceUrl: '',
    publisher: '',
    sourcePublishedAt: '',
    relevance: '3',
    organisationsConcerned: [],
    meetingDate: new Date().toISOString().slice(0, 10),
    attendeeUserIds: [],
    attendeeOrganisationIds: [],
    decisions: [],
    actionItems: [],
    url: '',
  };
}

export function draftFrom(d: Json<DocumentView>): DocumentDraft {
  return {
    kind: d.kind,
    title: d.title,
    body: d.body,
    tags: d.tags.join(', '),
    parentId: d.parentId ?? '',
    isTemplate: d.isTemplate,
    sourceUrl: d.sourceUrl ?? '',
    publisher: d.publisher ?? '',
    // A CI note's `publishedAt` is its source's date (the platform's is `publishedInGroupAt`).
    sourcePublishedAt: (d.publishedAt ?? '').slice(0, 10),
    relevance: String(d.relevance ?? 3),
    organisationsConcerned: (d.organisationsConcerned ?? []).map((o) => o.id),
    meetingDate: (d.meetingDate ?? '').slice(0, 10),
    attendeeUserIds: (d.attendees?.users ?? []).map((u) => u.id),
    attendeeOrganisationIds: (d.attendees?.organisations ?? []).map((o) => o.id),
    decisions: d.decisions ?? [],
    actionItems: (d.actionItems ?? []).map((a) => ({
      id: a.id,
      description: a.description,
      ownerUserId: a.owner.type === 'user' ? a.owner.id : null,
      ownerOrganisationId: a.owner.type === 'organisation' ? a.owner.id : null,
      dueDate: a.dueDate,
      status: a.status,
    })),
    url: d.linkUrl ?? '',
  };
}

const opt = (s: string): string | undefined => (s.trim() ? s.trim() : undefined);

/**
 * The JSON body for POST (create, with `status`) or PUT (save, without: drafts are published
 * through POST /documents/:id/publish). Only the fields of the document's kind are sent.
 */
export function toPayload(d: DocumentDraft): Record<string, unknown> {
  const base: Record<string, unknown> = {
    title: d.title.trim(),
    body: d.body,
    tags: d.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  };
  switch (d.kind) {
    case 'page':
      return { ...base, parentId: opt(d.parentId) ?? null };
    case 'ci_note':
      return {
        ...base,
        sourceUrl: opt(d.sourceUrl) ?? null,
        publisher: opt(d.publisher) ?? null,
        publishedAt: opt(d.sourcePublishedAt) ?? null, // the source's date, YYYY-MM-DD
        relevance: Number(d.relevance) || null,
        organisationsConcerned: d.organisationsConcerned,
      };
    case 'meeting_summary':
      return {
        ...base,
        meetingDate: opt(d.meetingDate) ?? null,
        attendees: { users: d.attendeeUserIds, organisations: d.attendeeOrganisationIds },
        decisions: d.decisions.map((x) => x.trim()).filter(Boolean),
        actionItems: d.actionItems
          .filter((a) => a.description.trim())
          .map((a) => ({
            ...(a.id ? { id: a.id } : {}),
            description: a.description.trim(),
            ...(a.ownerUserId ? { ownerUserId: a.ownerUserId } : {}),
            ...(a.ownerOrganisationId ? { ownerOrganisationId: a.ownerOrganisationId } : {}),
            ...(a.dueDate ? { dueDate: a.dueDate } : {}),
            status: a.status,
          })),
      };
    case 'resource':
      return { ...base, linkUrl: opt(d.url) ?? null };
  }
}

export async function createDocument(
  groupId: string,
  d: DocumentDraft,
  status: 'draft' | 'published',
  extra: Record<string, unknown> = {},
): Promise<Json<SavedDocument>> {
  // Only facilitators publish meeting summaries, so members always create them as drafts.
  const s = d.kind === 'meeting_summary' ? 'draft' : status;
  return post<SavedDocument>(knowledgeApi.documents(groupId), {
    kind: d.kind,
    ...toPayload(d),
    status: s,
    ...extra,
  });
}

export function updateDocument(id: string, baseVersion: number, d: DocumentDraft): Promise<Json<SavedDocument>> {
  return put<SavedDocument>(knowledgeApi.document(id), { ...toPayload(d), baseVersion });
}

export function publishDocument(id: string): Promise<Json<DocumentView>> {
  return post<DocumentView>(knowledgeApi.publish(id));
}

/** Uploads the file (`knowledgeApi.files`), then creates the resource that uses it. */
export async function uploadResource(
  groupId: string,
  file: File,
  d: DocumentDraft,
  onProgress: (f: number) => void,
): Promise<Json<SavedDocument>> {
  const form = new FormData();
  form.set('file', file, file.name);
  const stored = await upload<FileView>(knowledgeApi.files(groupId), form, onProgress);
  const title = d.title.trim() || file.name.slice(0, 200);
  return createDocument(groupId, { ...d, kind: 'resource', title, url: '' }, 'published', {
    fileId: stored.id,
    linkUrl: undefined,
  });
}

export async function previewMarkdown(source: string, groupId: string, signal?: AbortSignal): Promise<string> {
  const res = await api<MarkdownPreview>(knowledgeApi.markdownPreview, {
    method: 'POST',
    body: { source, groupId },
    signal,
  });
  return res.html;
}

/** Shipped with the client for groups that have no template pages of their own yet. */
export const BUILT_IN_TEMPLATES: Record<'meeting_summary' | 'ci_note', string> = {
  meeting_summary: `## Agenda\n\n1. \n\n## Attendees\n\n- \n\n## Discussion\n\n\n## Decisions\n\n- \n\n## Action items\n\n- [ ] `,
  ci_note: `## Summary\n\n\n## Why it matters for the clusters\n\n\n## Signals to watch\n\n- \n\n## Source\n\n`,
};

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
