/**
 * Knowledge writes (issue 4). The request shapes here are written from the issue text while
 * the server is being built: ALIGN AT MERGE with the documents DTOs (unknown fields are
 * rejected by the server, so a mismatch shows up at once as a 400 naming the field).
 */
import { api, post, put, upload } from '../../api/http';
import { toDocument } from '../../api/normalize';
import type { ActionItem, DocumentKind, KnowledgeDocument } from '../../api/types';

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
  actionItems: ActionItem[];
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

export function draftFrom(d: KnowledgeDocument): DocumentDraft {
  return {
    kind: d.kind,
    title: d.title,
    body: d.body,
    tags: d.tags.join(', '),
    parentId: d.parentId ?? '',
    isTemplate: d.isTemplate,
    sourceUrl: d.sourceUrl ?? '',
    publisher: d.publisher ?? '',
    sourcePublishedAt: (d.sourcePublishedAt ?? '').slice(0, 10),
    relevance: String(d.relevance ?? 3),
    organisationsConcerned: d.organisationsConcerned ?? [],
    meetingDate: (d.meetingDate ?? '').slice(0, 10),
    attendeeUserIds: d.attendeeUserIds ?? [],
    attendeeOrganisationIds: d.attendeeOrganisationIds ?? [],
    decisions: d.decisions ?? [],
    actionItems: d.actionItems ?? [],
    url: d.url ?? '',
  };
}

const opt = (s: string): string | undefined => (s.trim() ? s.trim() : undefined);

/** The JSON body for POST/PUT: only the fields of the document's kind. */
export function toPayload(d: DocumentDraft, status: 'draft' | 'published'): Record<string, unknown> {
  const base: Record<string, unknown> = {
    title: d.title.trim(),
    body: d.body,
    tags: d.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    status,
  };
  switch (d.kind) {
    case 'page':
      return { ...base, parentId: opt(d.parentId) ?? null, isTemplate: d.isTemplate };
    case 'ci_note':
      return {
        ...base,
        sourceUrl: opt(d.sourceUrl),
        publisher: opt(d.publisher),
        publishedAt: opt(d.sourcePublishedAt),
        relevance: Number(d.relevance) || undefined,
        organisationsConcerned: d.organisationsConcerned,
      };
    case 'meeting_summary':
      return {
        ...base,
        // Only facilitators publish summaries, through POST /documents/:id/publish.
        status: 'draft',
        meetingDate: opt(d.meetingDate),
        attendees: { userIds: d.attendeeUserIds, organisationIds: d.attendeeOrganisationIds },
        decisions: d.decisions.map((x) => x.trim()).filter(Boolean),
        actionItems: d.actionItems
          .filter((a) => a.description.trim())
          .map((a) => ({
            ...(a.id ? { id: a.id } : {}),
            description: a.description.trim(),
            ownerUserId: a.ownerUserId || null,
            ownerOrganisationId: a.ownerOrganisationId || null,
            dueDate: a.dueDate || null,
            status: a.status,
          })),
      };
    case 'resource':
      return { ...base, url: opt(d.url) };
  }
}

export async function createDocument(
  groupId: string,
  d: DocumentDraft,
  status: 'draft' | 'published',
): Promise<KnowledgeDocument> {
  return toDocument(await post(`/api/groups/${groupId}/documents`, { kind: d.kind, ...toPayload(d, status) }));
}

export async function updateDocument(id: string, baseVersion: number, d: DocumentDraft, status: 'draft' | 'published') {
  return toDocument(await put(`/api/documents/${id}`, { ...toPayload(d, status), baseVersion }));
}

export async function uploadResource(
  groupId: string,
  file: File,
  fields: { title: string; tags: string },
  onProgress: (f: number) => void,
): Promise<KnowledgeDocument> {
  const form = new FormData();
  form.set('title', fields.title || file.name);
  form.set('tags', fields.tags);
  form.set('file', file, file.name);
  return toDocument(await upload(`/api/groups/${groupId}/documents/upload`, form, onProgress));
}

export async function previewMarkdown(body: string, signal?: AbortSignal): Promise<string> {
  const res = await api<{ html: string }>('/api/markdown/preview', { method: 'POST', body: { body }, signal });
  return res.html;
}

/** Shipped with the client for groups that have no template pages of their own yet. */
export const BUILT_IN_TEMPLATES: Record<'meeting_summary' | 'ci_note', string> = {
  meeting_summary: `## Agenda\n\n1. \n\n## Attendees\n\n- \n\n## Discussion\n\n\n## Decisions\n\n- \n\n## Action items\n\n- [ ] `,
  ci_note: `## Summary\n\n\n## Why it matters for the clusters\n\n\n## Signals to watch\n\n- \n\n## Source\n\n`,
};

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
