import type { ChannelView, NotificationList } from '@contract';
import { QueryClient } from '@tanstack/query-core';
import { keys } from '../api/keys';
import {
  addMessage,
  markChannelRead,
  onChannelActivity,
  onDocumentPublished,
  onMessageDeleted,
  onMessageNew,
  onMessageUpdated,
  onNotification,
  onReactionUpdated,
  seedTimeline,
} from './cache-events';
import { message } from './test-messages';
import type { Timeline } from './timeline';

const channel = (id: string, over: Partial<ChannelView> = {}): ChannelView => ({
  id,
  groupId: 'g-1',
  name: id,
  topic: '',
  archivedAt: null,
  lastSeq: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastReadSeq: 0,
  unreadCount: 0,
  mentionCount: 0,
  ...over,
});

const ctx = { myId: 'me', activeChannelId: 'c-1' };

describe('the query cache, updated by realtime events', () => {
  let cache: QueryClient;
  beforeEach(() => {
    cache = new QueryClient();
    seedTimeline(cache, 'c-1', [message(1), message(2)], false);
    cache.setQueryData(keys.channels('g-1'), [channel('c-1', { lastSeq: 2 }), channel('c-2', { lastSeq: 6 })]);
  });
  afterEach(() => cache.clear());

  const timeline = () => cache.getQueryData<Timeline>(keys.timeline('c-1'))!;

  it('appends a new message once, even when the ack and the broadcast both deliver it', () => {
    addMessage(cache, message(3, { authorId: 'u-2', authorName: 'Iker' })); // the ack, through the outbox
    onMessageNew(cache, message(3, { authorId: 'u-2', authorName: 'Iker' }), ctx); // the broadcast
    expect(timeline().messages.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('counts a reply on its root once, and keeps the reply out of the root list', () => {
    const reply = message(3, { parentId: 'm-1' });
    onMessageNew(cache, reply, ctx);
    onMessageNew(cache, reply, ctx);
    const root = timeline().messages.find((m) => m.id === 'm-1')!;
    expect(root.replyCount).toBe(1);
    expect(root.lastReplyAt).toBe(reply.createdAt);
  });

  it('raises the unread count of another channel, not of the one on screen', () => {
    onMessageNew(cache, message(7, { channelId: 'c-2', id: 'x-7' }), ctx);
    onMessageNew(cache, message(3), ctx);
    const list = cache.getQueryData<ChannelView[]>(keys.channels('g-1'))!;
    expect(list.map((c) => [c.id, c.unreadCount])).toEqual([
      ['c-1', 0],
      ['c-2', 1],
    ]);
    markChannelRead(cache, 'g-1', 'c-2', 7);
    expect(cache.getQueryData<ChannelView[]>(keys.channels('g-1'))![1]).toMatchObject({
      unreadCount: 0,
      lastReadSeq: 7,
    });
  });

  it('counts channel activity by seq, so the event and the message together count once', () => {
    onChannelActivity(cache, { channelId: 'c-2', lastSeq: 7 }, ctx);
    onMessageNew(cache, message(7, { channelId: 'c-2', id: 'x-7' }), ctx);
    onChannelActivity(cache, { channelId: 'c-2', lastSeq: 9 }, ctx); // two more, one event missed
    onChannelActivity(cache, { channelId: 'c-1', lastSeq: 3 }, ctx); // the channel on screen
    const list = cache.getQueryData<ChannelView[]>(keys.channels('g-1'))!;
    expect(list.map((c) => [c.id, c.unreadCount])).toEqual([
      ['c-1', 0],
      ['c-2', 3],
    ]);
  });

  it('does not count my own messages as unread', () => {
    onMessageNew(cache, message(7, { channelId: 'c-2', id: 'x-7', authorId: 'me', authorName: 'Me' }), ctx);
    expect(cache.getQueryData<ChannelView[]>(keys.channels('g-1'))![1].unreadCount).toBe(0);
  });

  it('applies edits, deletes (as tombstones) and reactions in place', () => {
    onMessageUpdated(cache, {
      ...message(1),
      body: 'fixed typo',
      html: '<p>fixed typo</p>',
      editedAt: '2026-01-02T00:00:00Z',
    });
    const tombstone = { deleted: true, deletedAt: '2026-01-02T00:00:00Z', body: '', html: '', version: 2 };
    onMessageDeleted(cache, { messageId: 'm-2', channelId: 'c-1', seq: 2, message: message(2, tombstone) });
    onReactionUpdated(cache, {
      messageId: 'm-1',
      channelId: 'c-1',
      reactions: [{ emoji: '👍', count: 2, userIds: ['a', 'b'] }],
    });
    const [one, two] = timeline().messages;
    expect(one).toMatchObject({ body: 'fixed typo', reactions: [{ emoji: '👍', count: 2 }] });
    expect(two.deletedAt).not.toBeNull();
    expect(two.html).toBe('');
  });

  it('leaves a timeline that was never loaded alone (it is fetched whole when opened)', () => {
    onMessageNew(cache, message(1, { channelId: 'c-9' }), ctx);
    expect(cache.getQueryData(keys.timeline('c-9'))).toBeUndefined();
  });

  it('puts a live notification on top of the bell list and counts it unread, once', () => {
    cache.setQueryData<NotificationList>(keys.notifications, { items: [], unreadCount: 0 });
    const n = {
      id: 'n-1',
      kind: 'document_published',
      groupId: 'g-1',
      subjectId: 'd-1',
      title: 'Summary',
      body: '',
      url: null,
      createdAt: '2026-01-01T00:00:00Z',
      readAt: null,
    };
    onNotification(cache, n);
    onNotification(cache, n);
    expect(cache.getQueryData<NotificationList>(keys.notifications)).toMatchObject({
      unreadCount: 1,
      items: [{ id: 'n-1' }],
    });
  });

  it('marks the group documents stale when a summary is published', async () => {
    cache.setQueryData(['documents', 'g-1', { kind: 'meeting_summary' }], []);
    cache.setQueryData(['documents', 'g-2', {}], []);
    onDocumentPublished(cache, { documentId: 'd-1', groupId: 'g-1' });
    expect(cache.getQueryState(['documents', 'g-1', { kind: 'meeting_summary' }])?.isInvalidated).toBe(true);
    expect(cache.getQueryState(['documents', 'g-2', {}])?.isInvalidated).toBe(false);
  });
});
