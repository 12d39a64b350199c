/**
 * Reads API payloads whose exact shape is still being settled (channels, messages, documents,
 * search) into the client's types. Tolerant on purpose: it accepts the field names the
 * contract suggests and the obvious alternatives, so aligning with the server at merge is a
 * change in this file only. Pure module: no React, no browser APIs (unit-tested with Jest).
 */
import type {
  ActionItem,
  AuthorRef,
  Channel,
  DiffLine,
  FacetValue,
  KnowledgeDocument,
  Message,
  MessagePage,
  Reaction,
  Revision,
  SearchResult,
} from './types';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown, fallback = 0): number => {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : fallback;
};
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Lists come as a bare array or wrapped as `{items}` / `{messages}` / `{data}`. */
export function listOf(payload: unknown, ...keys: string[]): unknown[] {
  if (Array.isArray(payload)) return payload;
  if (isObj(payload)) {
    for (const k of [...keys, 'items', 'data', 'results'])
      if (Array.isArray(payload[k])) return payload[k] as unknown[];
  }
  return [];
}

/**
 * A person: `{id, displayName, organisation}` or `{id, displayName, organisationId}` (documents),
 * or flat `authorId` + `authorName` (messages). An organisation known only by id gets empty
 * names; views resolve them from the organisations list.
 */
export function toAuthor(v: unknown, fallbackId?: unknown, fallbackName?: unknown): AuthorRef {
  if (!isObj(v)) return { id: str(fallbackId), displayName: str(fallbackName), organisation: null };
  const o = isObj(v.organisation) ? v.organisation : null;
  const orgId = strOrNull(v.organisationId);
  return {
    id: str(v.id ?? v.userId ?? fallbackId),
    displayName: str(v.displayName ?? v.name ?? fallbackName),
    organisation: o
      ? { id: str(o.id), name: str(o.name), shortName: str(o.shortName ?? o.name) }
      : orgId
        ? { id: orgId, name: '', shortName: '' }
        : null,
  };
}

export function toReactions(v: unknown): Reaction[] {
  if (isObj(v) && !Array.isArray(v)) {
    // `{ "👍": ["user-id", …] }`
    return Object.entries(v).map(([emoji, users]) => ({
      emoji,
      userIds: arr(users).map((u) => str(u)),
      count: arr(users).length,
    }));
  }
  return arr(v)
    .filter(isObj)
    .map((r) => {
      const userIds = arr(r.userIds ?? r.users).map((u) => (isObj(u) ? str(u.id) : str(u)));
      return { emoji: str(r.emoji), userIds, count: num(r.count, userIds.length) };
    });
}

export function toMessage(v: unknown): Message {
  const m = isObj(v) ? v : {};
  return {
    id: str(m.id),
    channelId: str(m.channelId),
    seq: num(m.seq),
    parentId: strOrNull(m.parentId),
    clientMsgId: strOrNull(m.clientMsgId),
    author: toAuthor(m.author, m.authorId, m.authorName),
    body: str(m.body),
    html: str(m.html ?? m.bodyHtml),
    replyCount: num(m.replyCount),
    lastReplyAt: strOrNull(m.lastReplyAt),
    reactions: toReactions(m.reactions),
    pinned: Boolean(m.pinned ?? m.pinnedAt),
    editedAt: strOrNull(m.editedAt),
    deletedAt: strOrNull(m.deletedAt) ?? (m.deleted === true ? str(m.createdAt) : null),
    createdAt: str(m.createdAt, new Date(0).toISOString()),
  };
}

export function toMessagePage(payload: unknown): MessagePage {
  const messages = listOf(payload, 'messages').map(toMessage);
  const hasMore = isObj(payload) && typeof payload.hasMore === 'boolean' ? payload.hasMore : false;
  return { messages, hasMore };
}

export function toChannel(v: unknown): Channel {
  const c = isObj(v) ? v : {};
  return {
    id: str(c.id),
    groupId: str(c.groupId),
    name: str(c.name),
    topic: str(c.topic),
    archivedAt: strOrNull(c.archivedAt),
    lastSeq: num(c.lastSeq),
    unreadCount: num(c.unreadCount ?? c.unread),
    mentionCount: num(c.mentionCount ?? c.mentions),
    lastReadSeq: c.lastReadSeq === undefined && c.readSeq === undefined ? null : num(c.lastReadSeq ?? c.readSeq),
  };
}

export function toDocument(v: unknown): KnowledgeDocument {
  const d = isObj(v) ? v : {};
  // Kind-specific fields may sit on the document or under `fields`.
  const f = isObj(d.fields) ? { ...d.fields, ...d } : d;
  const attendees = isObj(f.attendees) ? f.attendees : {};
  const decisions = f.decisions;
  return {
    id: str(d.id),
    groupId: str(d.groupId),
    kind: str(d.kind, 'page') as KnowledgeDocument['kind'],
    title: str(d.title),
    body: str(d.body),
    html: str(d.html ?? d.bodyHtml),
    tags: arr(d.tags).map((t) => str(t)),
    can: isObj(d.can)
      ? { edit: Boolean(d.can.edit), delete: Boolean(d.can.delete), publish: Boolean(d.can.publish) }
      : null,
    status: str(d.status, 'published') as KnowledgeDocument['status'],
    version: num(d.version, 1),
    parentId: strOrNull(d.parentId),
    isTemplate: Boolean(d.isTemplate ?? d.template ?? d.templateFor),
    author: d.author || d.authorId ? toAuthor(d.author, d.authorId) : null,
    createdAt: str(d.createdAt),
    updatedAt: str(d.updatedAt ?? d.createdAt),
    // The platform's publication time; for a CI note `publishedAt` is the source's date.
    publishedAt: strOrNull(d.publishedInGroupAt ?? (d.kind === 'ci_note' ? null : d.publishedAt)),
    sourceUrl: strOrNull(f.sourceUrl),
    publisher: strOrNull(f.publisher),
    sourcePublishedAt: strOrNull(f.sourcePublishedAt ?? (d.kind === 'ci_note' ? f.publishedAt : null)),
    relevance: f.relevance == null ? null : num(f.relevance),
    organisationsConcerned: arr(f.organisationsConcerned ?? f.organisationIds).map((o) =>
      isObj(o) ? str(o.id) : str(o),
    ),
    meetingDate: strOrNull(f.meetingDate),
    attendeeUserIds: arr(f.attendeeUserIds ?? attendees.userIds ?? attendees.users).map((u) =>
      isObj(u) ? str(u.id ?? u.userId) : str(u),
    ),
    attendeeOrganisationIds: arr(f.attendeeOrganisationIds ?? attendees.organisationIds ?? attendees.organisations).map(
      (o) => (isObj(o) ? str(o.id ?? o.organisationId) : str(o)),
    ),
    decisions:
      typeof decisions === 'string' ? decisions.split('\n').filter(Boolean) : arr(decisions).map((x) => str(x)),
    actionItems: arr(f.actionItems)
      .filter(isObj)
      .map((a) => {
        const owner = isObj(a.owner) ? a.owner : null;
        return {
          id: strOrNull(a.id) ?? undefined,
          documentId: strOrNull(a.documentId) ?? undefined,
          groupId: strOrNull(a.groupId) ?? undefined,
          description: str(a.description),
          ownerUserId: strOrNull(a.ownerUserId) ?? (owner?.type === 'user' ? strOrNull(owner.id) : null),
          ownerOrganisationId:
            strOrNull(a.ownerOrganisationId) ?? (owner?.type === 'organisation' ? strOrNull(owner.id) : null),
          ownerName: strOrNull(a.ownerName ?? owner?.displayName ?? owner?.shortName ?? owner?.name),
          dueDate: strOrNull(a.dueDate ?? a.dueOn),
          status: str(a.status, 'open') as 'open' | 'done' | 'dropped',
        };
      }),
    url: strOrNull(f.url ?? f.linkUrl),
    file: isObj(f.file)
      ? {
          id: strOrNull(f.file.id) ?? undefined,
          name: str(f.file.name ?? f.file.fileName),
          size: num(f.file.size),
          contentType: str(f.file.contentType),
          url: str(f.file.downloadUrl ?? f.file.url, `/api/files/${str(f.file.id)}`),
        }
      : null,
    duplicateSource: duplicateOf(d),
  };
}

/** `warnings: [{code: 'duplicate_source', document: {id, title}}]` on a saved CI note. */
function duplicateOf(d: Obj): { id: string; title: string } | null {
  const w = arr(d.warnings).find((x) => isObj(x) && x.code === 'duplicate_source') as Obj | undefined;
  const dup = (w && isObj(w.document) ? w.document : (d.duplicate_source ?? d.duplicateSource)) as unknown;
  return isObj(dup) ? { id: str(dup.id ?? dup.documentId), title: str(dup.title) } : null;
}

export function toActionItems(payload: unknown): ActionItem[] {
  return toDocument({ actionItems: listOf(payload, 'actionItems') }).actionItems ?? [];
}

export function toRevision(v: unknown): Revision {
  const r = isObj(v) ? v : {};
  return {
    version: num(r.version),
    title: str(r.title),
    body: str(r.body),
    createdAt: str(r.createdAt),
    author: r.author || r.authorId ? toAuthor(r.author, r.authorId) : null,
  };
}

/** A line diff as `[{op,text}]`, as jsdiff-style `[{added,removed,value}]`, or as unified text. */
export function toDiff(payload: unknown): DiffLine[] {
  // `{body: {chunks: [{op: 'equal'|'add'|'remove', lines: [...]}]}}` (jsdiff on the server), or simpler shapes.
  const body = isObj(payload) && isObj(payload.body) ? payload.body : null;
  const raw = body
    ? body.chunks
    : isObj(payload)
      ? (payload.lines ?? payload.diff ?? payload.changes ?? payload.hunks ?? payload.chunks)
      : payload;
  if (typeof raw === 'string') {
    return raw
      .split('\n')
      .map((line) =>
        line.startsWith('+') && !line.startsWith('+++')
          ? { op: 'add', text: line.slice(1) }
          : line.startsWith('-') && !line.startsWith('---')
            ? { op: 'remove', text: line.slice(1) }
            : { op: 'same', text: line.replace(/^ /, '') },
      );
  }
  const out: DiffLine[] = [];
  for (const part of arr(raw).filter(isObj)) {
    const op: DiffLine['op'] =
      part.op === 'add' || part.added === true || part.type === 'added' || part.type === 'add'
        ? 'add'
        : part.op === 'remove' || part.removed === true || part.type === 'removed' || part.type === 'remove'
          ? 'remove'
          : 'same';
    const text = Array.isArray(part.lines)
      ? part.lines.map((l) => str(l)).join('\n')
      : str(part.text ?? part.value ?? part.line);
    const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
    for (const line of lines) out.push({ op, text: line });
  }
  return out;
}

export function toFacets(v: unknown): Record<string, FacetValue[]> {
  const out: Record<string, FacetValue[]> = {};
  if (!isObj(v)) return out;
  for (const [name, values] of Object.entries(v)) {
    if (Array.isArray(values)) {
      out[name] = values.filter(isObj).map((x) => ({ value: str(x.value ?? x.key ?? x.name), count: num(x.count) }));
    } else if (isObj(values)) {
      out[name] = Object.entries(values).map(([value, count]) => ({ value, count: num(count) }));
    }
  }
  return out;
}

export function toSearchResult(payload: unknown): SearchResult {
  const p = isObj(payload) ? payload : {};
  return {
    hits: arr(p.hits)
      .filter(isObj)
      .map((h) => ({
        type: str(h.type ?? h.kind),
        kind: str(h.kind ?? h.type),
        url: strOrNull(h.url),
        id: str(h.id),
        groupId: str(h.groupId),
        title: str(h.title),
        snippet: str(h.snippet),
        score: num(h.score),
        channelId: strOrNull(h.channelId),
        seq: h.seq == null ? null : num(h.seq),
      })),
    total: num(p.total),
    facets: toFacets(p.facets),
  };
}
