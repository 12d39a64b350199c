/**
 * How realtime events change the query cache. Server state lives in TanStack Query; an event
 * either patches the cached data it concerns or invalidates it so it is refetched over REST
 * (where the access checks are). Pure: works on any object with QueryClient's methods, so it is
 * unit-tested with a real `QueryClient` and no React.
 */
import type {
  ChannelActivityPayload,
  ChannelView,
  DocumentPublishedPayload,
  MessageDeletedPayload,
  MessageView,
  NotificationList,
  NotificationView,
  ReactionUpdatedPayload,
} from '@contract';
import { keys } from '../api/keys';
import { emptyTimeline, isKnown, markDeleted, mergeMessages, noteReply, setReactions, Timeline } from './timeline';

type Key = readonly unknown[];

/** The subset of QueryClient used here. */
export interface CacheLike {
  getQueryData<T>(queryKey: Key): T | undefined;
  setQueryData<T>(queryKey: Key, updater: (old: T | undefined) => T | undefined): unknown;
  setQueriesData<T>(filters: { queryKey: Key }, updater: (old: T | undefined) => T | undefined): unknown;
  invalidateQueries(filters: { queryKey: Key }): Promise<void> | void;
}

export interface EventContext {
  myId: string;
  /** The channel on screen: its messages count as read. */
  activeChannelId: string | null;
}

/** Puts a message into its channel's timeline (and bumps its thread root). Returns whether it was new. */
export function addMessage(cache: CacheLike, message: MessageView): boolean {
  const key = keys.timeline(message.channelId);
  const tl = cache.getQueryData<Timeline>(key);
  const isNew = !isKnown(tl, message.id);
  // A timeline never loaded stays unloaded: opening the channel fetches it whole.
  if (!tl) return isNew;
  let next = mergeMessages(tl, [message]);
  if (isNew && message.parentId) next = noteReply(next, message);
  cache.setQueryData<Timeline>(key, () => next);
  return isNew;
}

export function onMessageNew(cache: CacheLike, message: MessageView, ctx: EventContext): void {
  const isNew = addMessage(cache, message);
  if (isNew && message.authorId !== ctx.myId && !message.parentId) {
    onChannelActivity(cache, { channelId: message.channelId, lastSeq: message.seq }, ctx);
  }
}

/**
 * A new message in some channel of my groups (`channel:activity` comes to the group room, so it
 * covers channels not joined). Counted by seq, so activity plus message:new for the same message
 * does not count twice; the channel on screen stays read.
 */
export function onChannelActivity(
  cache: CacheLike,
  p: ChannelActivityPayload['channels'][number],
  ctx: EventContext,
): void {
  cache.setQueriesData<ChannelView[]>({ queryKey: ['channels'] }, (list) =>
    list?.map((c) => {
      if (c.id !== p.channelId || p.lastSeq <= c.lastSeq) return c;
      const unreadCount = c.id === ctx.activeChannelId ? 0 : c.unreadCount + (p.lastSeq - c.lastSeq);
      return { ...c, lastSeq: p.lastSeq, unreadCount };
    }),
  );
}

export function onMessageUpdated(cache: CacheLike, message: MessageView): void {
  cache.setQueryData<Timeline>(keys.timeline(message.channelId), (tl) => (tl ? mergeMessages(tl, [message]) : tl));
}

/** The tombstone (`p.message`) carries the time of the delete. */
export function onMessageDeleted(cache: CacheLike, p: MessageDeletedPayload): void {
  const at = p.message.deletedAt ?? new Date().toISOString();
  cache.setQueryData<Timeline>(keys.timeline(p.channelId), (tl) => (tl ? markDeleted(tl, p.messageId, at) : tl));
}

export function onReactionUpdated(cache: CacheLike, p: ReactionUpdatedPayload): void {
  cache.setQueryData<Timeline>(keys.timeline(p.channelId), (tl) =>
    tl ? setReactions(tl, p.messageId, p.reactions) : tl,
  );
}

export function onNotification(cache: CacheLike, n: NotificationView): void {
  cache.setQueryData<NotificationList>(keys.notifications, (old) => {
    if (!old) return old;
    if (old.items.some((i) => i.id === n.id)) return old;
    return { items: [n, ...old.items], unreadCount: old.unreadCount + 1 };
  });
  // Mentions change the per-channel mention counts, which only the server knows.
  if (n.kind === 'mention') void cache.invalidateQueries({ queryKey: ['channels'] });
}

export function onDocumentPublished(
  cache: CacheLike,
  p: Pick<DocumentPublishedPayload, 'documentId' | 'groupId'>,
): void {
  void cache.invalidateQueries({ queryKey: keys.documents(p.groupId) });
  void cache.invalidateQueries({ queryKey: keys.document(p.documentId) });
  void cache.invalidateQueries({ queryKey: keys.actionItems(p.groupId) });
  void cache.invalidateQueries({ queryKey: ['home'] });
}

/**
 * Marks a channel read in the cached channel list: after our `read` event, or when another tab
 * of mine read it (`channel:read`, which names no group: pass null to look in every group).
 */
export function markChannelRead(cache: CacheLike, groupId: string | null, channelId: string, seq: number): void {
  const filters = { queryKey: groupId ? keys.channels(groupId) : ['channels'] };
  cache.setQueriesData<ChannelView[]>(filters, (list) =>
    list?.map((c) =>
      c.id === channelId ? { ...c, unreadCount: 0, mentionCount: 0, lastReadSeq: Math.max(seq, c.lastReadSeq) } : c,
    ),
  );
}

/** Seeds a channel's timeline with its first page (or keeps what realtime already added). */
export function seedTimeline(
  cache: CacheLike,
  channelId: string,
  messages: MessageView[],
  hasMoreBefore: boolean,
): Timeline {
  const current = cache.getQueryData<Timeline>(keys.timeline(channelId)) ?? emptyTimeline();
  const next = mergeMessages(current, messages, { hasMoreBefore });
  cache.setQueryData<Timeline>(keys.timeline(channelId), () => next);
  return next;
}
