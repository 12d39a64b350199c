/**
 * A channel's timeline as held in the query cache: the messages we have, ordered by `seq`,
 * plus what we know about the history before them. Pure functions, no React, no I/O:
 * realtime events, history pages and catch-up batches all go through `mergeMessages`, so a
 * message that arrives twice (ack + broadcast, or replayed after a reconnect) is kept once.
 */
import type { MessageView as Message, ReactionSummary as Reaction } from '@contract';

export interface Timeline {
  /** Every message we hold (roots and replies), sorted by seq, unique by id. */
  messages: Message[];
  /** Whether older messages exist before the first one we hold. */
  hasMoreBefore: boolean;
}

export const emptyTimeline = (): Timeline => ({ messages: [], hasMoreBefore: true });

export function lastSeq(tl: Timeline | undefined): number {
  return tl && tl.messages.length ? tl.messages[tl.messages.length - 1].seq : 0;
}

export function firstSeq(tl: Timeline | undefined): number {
  return tl && tl.messages.length ? tl.messages[0].seq : 0;
}

/** Adds or replaces messages (by id); newer versions win by `editedAt`/`deletedAt` presence. */
export function mergeMessages(
  tl: Timeline,
  incoming: readonly Message[],
  opts: { hasMoreBefore?: boolean } = {},
): Timeline {
  if (incoming.length === 0 && opts.hasMoreBefore === undefined) return tl;
  const byId = new Map(tl.messages.map((m) => [m.id, m]));
  for (const m of incoming) {
    const old = byId.get(m.id);
    byId.set(m.id, old ? preferNewer(old, m) : m);
  }
  const messages = [...byId.values()].sort((a, b) => a.seq - b.seq);
  return { messages, hasMoreBefore: opts.hasMoreBefore ?? tl.hasMoreBefore };
}

/** A replayed copy must not undo an edit or a delete we already applied. */
function preferNewer(old: Message, m: Message): Message {
  if (old.deletedAt && !m.deletedAt) return old;
  if (old.editedAt && m.editedAt && old.editedAt > m.editedAt) return old;
  if (old.editedAt && !m.editedAt && !m.deletedAt)
    return { ...m, body: old.body, html: old.html, editedAt: old.editedAt };
  return m;
}

export function replaceMessage(tl: Timeline, id: string, update: (m: Message) => Message): Timeline {
  let changed = false;
  const messages = tl.messages.map((m) => {
    if (m.id !== id) return m;
    changed = true;
    return update(m);
  });
  return changed ? { ...tl, messages } : tl;
}

export function markDeleted(tl: Timeline, id: string, at: string): Timeline {
  return replaceMessage(tl, id, (m) => ({
    ...m,
    deleted: true,
    deletedAt: m.deletedAt ?? at,
    body: '',
    html: '',
    reactions: [],
  }));
}

export function setReactions(tl: Timeline, id: string, reactions: Reaction[]): Timeline {
  return replaceMessage(tl, id, (m) => ({ ...m, reactions }));
}

/**
 * A new reply arrived: the root's counters move even when the reply itself lives in the thread
 * view. Callers only call this for a reply they had not seen yet (see `isKnown`).
 */
export function noteReply(tl: Timeline, reply: Message): Timeline {
  if (!reply.parentId) return tl;
  return replaceMessage(tl, reply.parentId, (m) => ({
    ...m,
    replyCount: m.replyCount + 1,
    lastReplyAt: reply.createdAt,
  }));
}

/**
 * The seq ranges missing between the first and the last message we hold.
 * Seq is gapless per channel on the server, so any hole means we missed something.
 */
export function findGaps(tl: Timeline): Array<{ afterSeq: number; beforeSeq: number }> {
  const gaps: Array<{ afterSeq: number; beforeSeq: number }> = [];
  for (let i = 1; i < tl.messages.length; i++) {
    const prev = tl.messages[i - 1].seq;
    const next = tl.messages[i].seq;
    if (next - prev > 1) gaps.push({ afterSeq: prev, beforeSeq: next });
  }
  return gaps;
}

export interface CatchUpAck {
  missed: Message[];
  lastSeq: number;
  hasMore?: boolean;
}

export type PageFetcher = (afterSeq: number) => Promise<{ messages: Message[]; hasMore: boolean }>;

/**
 * After a (re)join: merge what the join ack says we missed, then page through REST from
 * `afterSeq` until we reach the channel's last seq. Stops on an empty page, so a server that
 * answers less than it announced cannot make us loop forever.
 */
export async function fillGap(
  tl: Timeline,
  ack: CatchUpAck,
  fetchAfter: PageFetcher,
  maxPages = 50,
): Promise<Timeline> {
  let next = mergeMessages(tl, ack.missed);
  let pages = 0;
  let more = Boolean(ack.hasMore) || lastSeq(next) < ack.lastSeq;
  while (more && pages < maxPages) {
    const page = await fetchAfter(lastSeq(next));
    pages++;
    if (page.messages.length === 0) break;
    next = mergeMessages(next, page.messages);
    more = page.hasMore || lastSeq(next) < ack.lastSeq;
  }
  return next;
}

/** The first message after the read marker that someone else wrote, for "jump to first unread". */
export function firstUnread(tl: Timeline, readSeq: number | null | undefined, myId: string): Message | null {
  if (readSeq == null) return null;
  return tl.messages.find((m) => m.seq > readSeq && !m.parentId && m.authorId !== myId) ?? null;
}

/** Root messages only (replies live in the thread panel). */
export const roots = (tl: Timeline | undefined): Message[] => (tl ? tl.messages.filter((m) => !m.parentId) : []);

/** Toggles my reaction locally (optimistic), matching what the server will broadcast. */
export function toggleReaction(reactions: Reaction[], emoji: string, userId: string): Reaction[] {
  const existing = reactions.find((r) => r.emoji === emoji);
  if (!existing) return [...reactions, { emoji, count: 1, userIds: [userId] }];
  const mine = existing.userIds.includes(userId);
  const userIds = mine ? existing.userIds.filter((u) => u !== userId) : [...existing.userIds, userId];
  const updated = { ...existing, userIds, count: Math.max(0, existing.count + (mine ? -1 : 1)) };
  return updated.count === 0
    ? reactions.filter((r) => r.emoji !== emoji)
    : reactions.map((r) => (r.emoji === emoji ? updated : r));
}

export const isKnown = (tl: Timeline | undefined, id: string): boolean =>
  Boolean(tl?.messages.some((m) => m.id === id));
