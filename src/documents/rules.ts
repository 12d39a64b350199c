import { canManageGroupContent, decide, GroupAction } from '../groups/access';
import type { SqlCondition } from '../common/sql-condition';
import type { Actor } from '../auth/actor';
import type { GroupRole } from '../groups/membership.entity';
import type { Visibility } from '../groups/working-group.entity';
import type { DocumentKind, DocumentStatus } from './document.view';

// The vocabulary belongs to the API contract (document.view.ts, revision.view.ts); the rules' users import it from here too.
export { ACTION_ITEM_STATUSES, DOCUMENT_KINDS, DOCUMENT_STATUSES } from './document.view';
export type { ActionItemStatus, DocumentKind, DocumentStatus } from './document.view';
export type { ActionItemState, RevisionAction, RevisionFields } from './revision.view';

/**
 * The knowledge store's rules, free of I/O (and of Nest) so they can be read and unit-tested
 * in one place: kinds and lifecycle, who may do what with a document, and normalisation.
 */
export const KNOWLEDGE_LIMITS = {
  tags: 20,
  tagChars: 40,
  decisions: 100,
  decisionChars: 2000,
  actionItems: 200,
  actionItemChars: 2000,
  attendees: 500,
  organisationsConcerned: 50,
  fileBytes: 25 * 1024 * 1024,
  fileNameChars: 200,
  urlChars: 2000,
} as const;

/** Fields that only some kinds may carry; others answer 400 naming the field. */
export const KIND_FIELDS: Record<DocumentKind, readonly string[]> = {
  page: ['parentId', 'templateFor'],
  ci_note: ['sourceUrl', 'publisher', 'publishedAt', 'relevance', 'organisationsConcerned'],
  meeting_summary: ['meetingDate', 'attendees', 'decisions', 'actionItems'],
  resource: ['linkUrl', 'fileId'],
};
export const ALL_KIND_FIELDS = Object.values(KIND_FIELDS).flat();

// ---------------------------------------------------------------------------- access

export type DocumentAction = 'read' | 'edit' | 'delete' | 'publish' | 'restore';
export type Decision = 'allow' | 'denied' | 'hidden';

export interface DocumentFacts {
  kind: DocumentKind;
  status: DocumentStatus;
  authorId: string | null;
  deletedAt: Date | null;
}

/**
 * Who may do what with one document, on top of the group rule:
 * - drafts are visible to their author and the group's facilitators (and admins) only;
 * - deleted documents are visible to admins only (who may restore them);
 * - members edit published pages, notes and resources wiki-style; a published meeting
 *   summary is edited by facilitators; a draft by its author or a facilitator;
 * - only facilitators publish meeting summaries; other drafts are published by their author.
 */
export function decideDocument(
  actor: Pick<Actor, 'id' | 'role'>,
  group: { visibility: Visibility },
  role: GroupRole | null,
  doc: DocumentFacts,
  action: DocumentAction,
): Decision {
  const can = (a: GroupAction): boolean => decide(actor, group, role, a) === 'allow';
  if (decide(actor, group, role, 'read') === 'hidden') return 'hidden';
  const manage = can('manage');
  const author = doc.authorId !== null && doc.authorId === actor.id;
  if (doc.deletedAt) {
    if (!seesDeleted(actor)) return 'hidden';
    return action === 'read' || action === 'restore' ? 'allow' : 'denied';
  }
  if (doc.status === 'draft' && !seesDraft(actor, role, doc.authorId)) return 'hidden';
  if (action === 'read') return 'allow';
  if (action === 'restore') return 'denied';
  if (!can('contribute')) return 'denied';
  switch (action) {
    case 'edit':
      if (doc.kind === 'meeting_summary') return manage || (doc.status === 'draft' && author) ? 'allow' : 'denied';
      return 'allow';
    case 'delete':
      return manage || author ? 'allow' : 'denied';
    case 'publish':
      if (doc.kind === 'meeting_summary') return manage ? 'allow' : 'denied';
      return manage || author ? 'allow' : 'denied';
  }
}

/** Deleted documents are seen (listed, read and restored) by admins only. */
export function seesDeleted(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin';
}

/** A draft is seen by its author and by who manages the group's content (facilitators, admins). */
export function seesDraft(actor: Pick<Actor, 'id' | 'role'>, role: GroupRole | null, authorId: string | null): boolean {
  return canManageGroupContent(actor, role) || (authorId !== null && authorId === actor.id);
}

/**
 * `seesDraft` as SQL over documents aliased `d`: published ones, and drafts the actor sees.
 * Null when the actor sees every draft of the group. Deletion is filtered by the caller.
 */
export function visibleDraftsSql(
  actor: Pick<Actor, 'id' | 'role'>,
  role: GroupRole | null,
  d = 'd',
): SqlCondition | null {
  if (canManageGroupContent(actor, role)) return null;
  return { sql: `(${d}.status = 'published' OR ${d}.author_id = :draftReader)`, params: { draftReader: actor.id } };
}

/**
 * A stored file is opened, and attached to a resource, by its uploader and by who manages
 * the group; anyone else opens it only through a document they may read that uses it.
 */
export function handlesFile(
  actor: Pick<Actor, 'id' | 'role'>,
  role: GroupRole | null,
  uploadedById: string | null,
): boolean {
  return canManageGroupContent(actor, role) || (uploadedById !== null && uploadedById === actor.id);
}

/** The status a new document starts in; meeting summaries start as drafts unless a facilitator publishes. */
export function initialStatus(
  kind: DocumentKind,
  requested: DocumentStatus | undefined,
  mayManage: boolean,
): DocumentStatus | 'denied' {
  if (kind === 'meeting_summary') {
    if (requested === 'published') return mayManage ? 'published' : 'denied';
    return 'draft';
  }
  return requested ?? 'published';
}

// ---------------------------------------------------------------------------- normalisation

/** The key `[[Page title]]` links match on: trimmed, case- and space-insensitive. */
export function titleKey(title: string): string {
  return title.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Tags are compared case-insensitively: stored trimmed, single-spaced, lower-case, unique, in order. */
export function normaliseTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const tag = t.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

const TRACKING_PARAM = /^(utm_[a-z]+|fbclid|gclid|dclid|mc_cid|mc_eid|igshid|_hsenc|_hsmkt|ref|ref_src|cmpid)$/i;

/**
 * The identity of a source for duplicate detection: the same article reached by http or
 * https, with or without `www.`, a fragment, tracking parameters, a trailing slash or a
 * different parameter order counts once. Returns null for anything but http(s).
 */
export function normaliseSourceUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  const params = [...url.searchParams.entries()]
    .filter(([k]) => !TRACKING_PARAM.test(k))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  const query = params.length ? '?' + new URLSearchParams(params).toString() : '';
  const path = url.pathname.replace(/\/+$/, '') || '';
  return `${host}${port}${path}${query}`;
}

export function isHttpUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** The client route that opens a document (used in links, notifications and search). */
export function documentRoute(groupId: string, documentId: string): string {
  return `/groups/${groupId}/documents/${documentId}`;
}
