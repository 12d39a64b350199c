/** Builds messages for the client's unit specs. */
import type { Message } from '../api/types';

export function message(seq: number, over: Partial<Message> = {}): Message {
  return {
    id: `m-${seq}`,
    channelId: 'c-1',
    seq,
    parentId: null,
    clientMsgId: null,
    author: {
      id: 'u-other',
      displayName: 'Ane',
      organisation: { id: 'o-1', name: 'Energy Cluster', shortName: 'Energy' },
    },
    body: `message ${seq}`,
    html: `<p>message ${seq}</p>`,
    replyCount: 0,
    lastReplyAt: null,
    reactions: [],
    pinned: false,
    editedAt: null,
    deletedAt: null,
    createdAt: new Date(Date.UTC(2026, 0, 1, 9, 0, seq)).toISOString(),
    ...over,
  };
}
