import { randomUUID } from 'node:crypto';
import { AppError, invalid } from '../common/errors';
import { LIMITS } from '../common/limits';
import type { DocumentState } from './document-state';
import type { ActionItemInputDto } from './dto/action-item.dto';
import type { CreateDocumentDto } from './dto/document.dto';
import { ALL_KIND_FIELDS, DocumentKind, isHttpUrl, KIND_FIELDS, normaliseTags } from './rules';

/**
 * Turning validated input into a document state: which fields apply to which kind, and the
 * rules that need more than one field. Pure, so it is unit-tested without a server.
 */
export type DocumentInput = Partial<Omit<CreateDocumentDto, 'kind' | 'templateId' | 'status'>>;

export function emptyState(groupId: string, title: string): DocumentState {
  return {
    title,
    body: '',
    status: 'published',
    groupId,
    tags: [],
    parentId: null,
    templateFor: null,
    sourceUrl: null,
    publisher: null,
    publishedAt: null,
    relevance: null,
    organisationsConcerned: [],
    meetingDate: null,
    attendees: { users: [], organisations: [] },
    decisions: [],
    actionItems: [],
    linkUrl: null,
    fileId: null,
  };
}

/** A field of another kind is a 400 naming it, rather than silently ignored. */
export function checkKindFields(kind: DocumentKind, input: DocumentInput): void {
  const allowed = KIND_FIELDS[kind];
  for (const field of ALL_KIND_FIELDS) {
    if ((input as Record<string, unknown>)[field] !== undefined && !allowed.includes(field)) {
      throw invalid(field, `does not apply to a ${kind.replace('_', ' ')}`);
    }
  }
}

/** The body limit is in bytes, and exceeding it is 413 like an oversized request. */
export function checkBodySize(body: string | undefined, field = 'body'): void {
  if (body !== undefined && Buffer.byteLength(body, 'utf8') > LIMITS.documentBodyBytes) {
    throw new AppError('payload_too_large', `${field} is larger than ${LIMITS.documentBodyBytes} bytes`, [
      { field, reason: `at most ${LIMITS.documentBodyBytes} bytes` },
    ]);
  }
}

function actionItems(
  inputs: ActionItemInputDto[],
  current: DocumentState['actionItems'],
): DocumentState['actionItems'] {
  const known = new Map(current.map((i) => [i.id, i]));
  const seen = new Set<string>();
  return inputs.map((input, index) => {
    const owners = [input.ownerUserId, input.ownerOrganisationId].filter((o) => o !== undefined && o !== null);
    if (owners.length !== 1) {
      throw invalid(`actionItems.${index}.owner`, 'give exactly one of ownerUserId or ownerOrganisationId');
    }
    // An id the document does not have (or a repeated one) starts a new item instead.
    const keep = input.id !== undefined && known.has(input.id) && !seen.has(input.id);
    const id = keep ? input.id! : randomUUID();
    seen.add(id);
    return {
      id,
      description: input.description,
      ownerUserId: input.ownerUserId ?? null,
      ownerOrganisationId: input.ownerOrganisationId ?? null,
      dueDate: input.dueDate ?? null,
      status: input.status ?? known.get(id)?.status ?? 'open',
    };
  });
}

/** The state after applying `input` to `current`: omitted fields keep their value. */
export function mergeState(current: DocumentState, input: DocumentInput): DocumentState {
  const next: DocumentState = { ...current };
  const set = <K extends keyof DocumentState>(key: K, value: DocumentState[K] | undefined): void => {
    if (value !== undefined) next[key] = value;
  };
  set('title', input.title);
  set('body', input.body);
  if (input.tags !== undefined) next.tags = normaliseTags(input.tags);
  set('parentId', input.parentId);
  set('templateFor', input.templateFor);
  if (input.sourceUrl !== undefined) {
    if (input.sourceUrl !== null && !isHttpUrl(input.sourceUrl)) throw invalid('sourceUrl', 'must be an http(s) URL');
    next.sourceUrl = input.sourceUrl;
  }
  set('publisher', input.publisher);
  set('publishedAt', input.publishedAt);
  set('relevance', input.relevance);
  if (input.organisationsConcerned !== undefined)
    next.organisationsConcerned = [...new Set(input.organisationsConcerned)];
  set('meetingDate', input.meetingDate);
  if (input.attendees !== undefined) {
    next.attendees = {
      users: [...new Set(input.attendees.users ?? [])],
      organisations: [...new Set(input.attendees.organisations ?? [])],
    };
  }
  set('decisions', input.decisions);
  if (input.actionItems !== undefined) next.actionItems = actionItems(input.actionItems, current.actionItems);
  if (input.linkUrl !== undefined) {
    if (input.linkUrl !== null && !isHttpUrl(input.linkUrl)) throw invalid('linkUrl', 'must be an http(s) URL');
    next.linkUrl = input.linkUrl;
  }
  set('fileId', input.fileId);
  return next;
}

/** Rules over the whole state of a kind, checked after merging. */
export function checkState(kind: DocumentKind, state: DocumentState): void {
  if (kind === 'resource' && (state.linkUrl === null) === (state.fileId === null)) {
    throw invalid('linkUrl', 'a resource is either a link (linkUrl) or an uploaded file (fileId)');
  }
}
