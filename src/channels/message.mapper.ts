import { EntityManager, In } from 'typeorm';
import { plainText } from '../markdown/plain-text';
import type { MessageView, ReactionSummary } from './message.view';
import type { SearchDocument } from '../search/search-document';
import { User } from '../users/user.entity';
import { Mention } from './mention.entity';
import { Message } from './message.entity';
import { Reaction } from './reaction.entity';

/** Client route of a message (not an API path). */
export const messageUrl = (m: Pick<Message, 'groupId' | 'channelId' | 'seq'>): string =>
  `/groups/${m.groupId}/channels/${m.channelId}?seq=${m.seq}`;

export function summarise(reactions: Reaction[]): ReactionSummary[] {
  const byEmoji = new Map<string, string[]>();
  for (const r of [...reactions].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    byEmoji.set(r.emoji, [...(byEmoji.get(r.emoji) ?? []), r.userId]);
  }
  return [...byEmoji].map(([emoji, userIds]) => ({ emoji, count: userIds.length, userIds }));
}

/** Builds the views of several messages with three batched reads (authors, reactions, mentions). */
export async function toViews(manager: EntityManager, messages: Message[]): Promise<MessageView[]> {
  if (messages.length === 0) return [];
  const ids = messages.map((m) => m.id);
  const authorIds = [...new Set(messages.map((m) => m.authorId))];
  const [authors, reactions, mentions] = await Promise.all([
    manager.find(User, { where: { id: In(authorIds) }, select: { id: true, displayName: true } }),
    manager.find(Reaction, { where: { messageId: In(ids) } }),
    manager.find(Mention, { where: { messageId: In(ids) }, select: { messageId: true, userId: true } }),
  ]);
  const names = new Map(authors.map((u) => [u.id, u.displayName]));
  return messages.map((m) =>
    toView(
      m,
      names.get(m.authorId) ?? 'Someone',
      reactions.filter((r) => r.messageId === m.id),
      mentions.filter((x) => x.messageId === m.id).map((x) => x.userId),
    ),
  );
}

export async function toOneView(manager: EntityManager, message: Message): Promise<MessageView> {
  return (await toViews(manager, [message]))[0];
}

export function toView(m: Message, authorName: string, reactions: Reaction[], mentions: string[]): MessageView {
  const deleted = m.deletedAt !== null;
  return {
    id: m.id,
    channelId: m.channelId,
    groupId: m.groupId,
    seq: Number(m.seq),
    authorId: m.authorId,
    authorName,
    clientMsgId: m.clientMsgId,
    body: deleted ? '' : m.body,
    html: deleted ? '' : m.html,
    parentId: m.parentId,
    replyCount: m.replyCount,
    lastReplyAt: m.lastReplyAt?.toISOString() ?? null,
    mentions: deleted ? [] : mentions,
    reactions: deleted ? [] : summarise(reactions),
    version: m.version,
    editedAt: m.editedAt?.toISOString() ?? null,
    deleted,
    deletedAt: m.deletedAt?.toISOString() ?? null,
    pinnedAt: m.pinnedAt?.toISOString() ?? null,
    pinnedBy: m.pinnedById,
    createdAt: m.createdAt.toISOString(),
  };
}

/** What search indexes for a message (issue 5 drains it from the outbox). */
export function searchDocument(m: Message, channelName: string, organisationId: string | null): SearchDocument {
  return {
    type: 'message',
    id: m.id,
    groupId: m.groupId,
    kind: 'message',
    title: `#${channelName}`,
    // What readers see, so a snippet never quotes markdown.
    body: plainText(m.html),
    tags: [],
    authorId: m.authorId,
    organisationId,
    language: null,
    url: messageUrl(m),
    createdAt: m.createdAt.toISOString(),
    updatedAt: (m.editedAt ?? m.createdAt).toISOString(),
    extra: { channelId: m.channelId, channelName, seq: String(m.seq) },
  };
}
