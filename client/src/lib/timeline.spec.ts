import type { MessageView as Message } from '@contract';
import {
  emptyTimeline,
  fillGap,
  findGaps,
  firstUnread,
  lastSeq,
  mergeMessages,
  roots,
  toggleReaction,
} from './timeline';
import { message } from './test-messages';

const seqs = (ms: Message[]) => ms.map((m) => m.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('timeline merging', () => {
  it('keeps messages ordered by seq and unique, whatever order and how often they arrive', () => {
    let tl = emptyTimeline();
    tl = mergeMessages(tl, [message(3), message(1)]);
    tl = mergeMessages(tl, [message(2), message(3), message(1)]);
    expect(seqs(tl.messages)).toEqual([1, 2, 3]);
  });

  it('does not let a replayed copy undo a delete or an edit', () => {
    let tl = mergeMessages(emptyTimeline(), [
      message(1, { deletedAt: '2026-01-01T10:00:00Z', body: '' }),
      message(2, { editedAt: '2026-01-01T10:00:00Z', body: 'edited' }),
    ]);
    tl = mergeMessages(tl, [message(1), message(2)]);
    expect(tl.messages[0].deletedAt).not.toBeNull();
    expect(tl.messages[1].body).toBe('edited');
  });
});

describe('gap filling after a reconnect', () => {
  it('finds the holes in seq', () => {
    const tl = mergeMessages(
      emptyTimeline(),
      [1, 2, 5, 6, 9].map((s) => message(s)),
    );
    expect(findGaps(tl)).toEqual([
      { afterSeq: 2, beforeSeq: 5 },
      { afterSeq: 6, beforeSeq: 9 },
    ]);
  });

  it('merges the join ack and pages through REST from afterSeq until the last seq', async () => {
    const server = range(1, 1200).map((s) => message(s));
    const asked: number[] = [];
    const fetchAfter = async (afterSeq: number) => {
      asked.push(afterSeq);
      const page = server.filter((m) => m.seq > afterSeq).slice(0, 200);
      return { messages: page, hasMore: page.length > 0 && page[page.length - 1].seq < 1200 };
    };
    const before = mergeMessages(emptyTimeline(), server.slice(0, 100));
    // The join ack is bounded to 500 messages and says there is more.
    const ack = { missed: server.slice(100, 600), lastSeq: 1200, hasMore: true };
    const after = await fillGap(before, ack, fetchAfter);
    expect(seqs(after.messages)).toEqual(range(1, 1200));
    expect(findGaps(after)).toEqual([]);
    expect(asked).toEqual([600, 800, 1000]);
  });

  it('stops when the server has nothing more, even if it announced more', async () => {
    const tl = mergeMessages(emptyTimeline(), [message(1)]);
    const after = await fillGap(tl, { missed: [message(2)], lastSeq: 10, hasMore: true }, async () => ({
      messages: [],
      hasMore: true,
    }));
    expect(lastSeq(after)).toBe(2);
  });

  it('asks nothing more when the ack already covers the gap', async () => {
    const fetchAfter = jest.fn();
    const tl = await fillGap(
      mergeMessages(emptyTimeline(), [message(1)]),
      { missed: [message(2), message(3)], lastSeq: 3 },
      fetchAfter,
    );
    expect(seqs(tl.messages)).toEqual([1, 2, 3]);
    expect(fetchAfter).not.toHaveBeenCalled();
  });
});

describe('reading', () => {
  it('jumps to the first root message after the read marker written by someone else', () => {
    const tl = mergeMessages(emptyTimeline(), [
      message(1),
      message(2, { authorId: 'me', authorName: 'Me' }),
      message(3, { parentId: 'm-1' }),
      message(4),
    ]);
    expect(firstUnread(tl, 1, 'me')?.seq).toBe(4);
    expect(firstUnread(tl, 4, 'me')).toBeNull();
    expect(seqs(roots(tl))).toEqual([1, 2, 4]);
  });

  it('toggles my reaction on and off', () => {
    const on = toggleReaction([{ emoji: '👍', count: 1, userIds: ['a'] }], '👍', 'me');
    expect(on).toEqual([{ emoji: '👍', count: 2, userIds: ['a', 'me'] }]);
    expect(toggleReaction(on, '👍', 'me')).toEqual([{ emoji: '👍', count: 1, userIds: ['a'] }]);
    expect(toggleReaction([], '🎉', 'me')).toEqual([{ emoji: '🎉', count: 1, userIds: ['me'] }]);
    expect(toggleReaction([{ emoji: '🎉', count: 1, userIds: ['me'] }], '🎉', 'me')).toEqual([]);
  });
});
