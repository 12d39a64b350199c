/** Builds messages for the client's unit specs. */
import type { MessageView } from '@contract';

export function message(seq: number, over: Partial<MessageView> = {}): MessageView {
  return {
    id: `m-${seq}`,
    channelId: 'c-1',
    groupId: 'g-1',
    seq,
    authorId: 'u-other',
    authorName: 'Ane',
    clientMsgId: null,
    body: `message ${seq}`,
    html: `<p>message ${seq}</p>`,
    parentId: null,
    replyCount: 0,
    lastReplyAt: null,
    mentions: [],
    reactions: [],
    version: 1,
    editedAt: null,
    deleted: false,
    deletedAt: null,
    pinnedAt: null,
    pinnedBy: null,
    createdAt: new Date(Date.UTC(2026, 0, 1, 9, 0, seq)).toISOString(),
    ...over,
  };
}
