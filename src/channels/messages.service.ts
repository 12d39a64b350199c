import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { conflict, forbidden, invalid, notFound } from '../common/errors';
import { GroupsPolicy } from '../groups/groups.policy';
import { renderMarkdown } from '../markdown/markdown';
import { Notification } from '../notifications/notification.entity';
import { NotificationsService } from '../notifications/notifications.service';
import type { MessageView } from '../realtime/events';
import { writeOutbox } from '../search/outbox';
import { Channel } from './channel.entity';
import { ChannelsService } from './channels.service';
import { Mention } from './mention.entity';
import { MessageEdit } from './message-edit.entity';
import { checkBody, findMentions, MentionCandidate } from './message-rules';
import { messageUrl, searchDocument, toOneView, toView } from './message.views';
import { Message } from './message.entity';

export interface SendInput {
  channelId: string;
  body: string;
  parentId: string | null;
  clientMsgId: string;
}

/** What a write produced: the message, and other messages whose view changed (a thread root). */
export interface WriteResult {
  message: MessageView;
  /** False when a resend returned the original message. */
  created: boolean;
  changed: MessageView[];
}

const excerpt = (text: string): string => {
  const chars = Array.from(text);
  return chars.length > 280 ? `${chars.slice(0, 279).join('')}…` : text;
};

/** Thrown inside the send transaction to roll it back when a concurrent resend already committed. */
class AlreadySent {
  constructor(readonly message: Message) {}
}

const isUniqueViolation = (e: unknown, constraint: string): boolean =>
  (e as { driverError?: { code?: string; constraint?: string } }).driverError?.code === '23505' &&
  (e as { driverError?: { constraint?: string } }).driverError?.constraint === constraint;

/**
 * Writes to messages. Each write is one short transaction that also records the search
 * outbox row and any notifications; realtime broadcasts happen in the gateway, after commit.
 */
@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly channels: ChannelsService,
    private readonly policy: GroupsPolicy,
    private readonly notifications: NotificationsService,
  ) {}

  async send(actor: Actor, input: SendInput): Promise<WriteResult> {
    const body = checkBody(input.body);
    const { channel } = await this.channels.require(actor, input.channelId, 'contribute');
    if (channel.archivedAt) throw conflict(`#${channel.name} is archived; it takes no new messages`);
    const root = input.parentId ? await this.threadRoot(channel, input.parentId) : null;
    const html = renderMarkdown(body);
    const mentioned = await this.mentionsIn(body, channel.groupId, actor.id);

    let created: { message: Message; notes: Notification[]; root: Message | null };
    try {
      created = await this.dataSource.transaction(async (manager) => {
        // Locks the channel row until commit: seqs are handed out and committed in order, without gaps.
        const [[{ last_seq: seq }]] = (await manager.query(
          'UPDATE channels SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq',
          [channel.id],
        )) as [[{ last_seq: string }], number];
        // A resend: found here, under the channel lock, a concurrent resend into the same channel
        // has committed by the time we look. (Across channels the unique key catches it below.)
        const raced = await manager.findOneBy(Message, { authorId: actor.id, clientMsgId: input.clientMsgId });
        if (raced) throw new AlreadySent(raced);
        const message = await manager.save(
          manager.create(Message, {
            channelId: channel.id,
            groupId: channel.groupId,
            seq,
            authorId: actor.id,
            clientMsgId: input.clientMsgId,
            body,
            html,
            parentId: root?.id ?? null,
            replyCount: 0,
            lastReplyAt: null,
            version: 1,
            editedAt: null,
            deletedAt: null,
            deletedById: null,
            pinnedAt: null,
            pinnedById: null,
          }),
        );
        let updatedRoot: Message | null = null;
        if (root) {
          await manager.query('UPDATE messages SET reply_count = reply_count + 1, last_reply_at = $2 WHERE id = $1', [
            root.id,
            message.createdAt,
          ]);
          updatedRoot = await manager.findOneByOrFail(Message, { id: root.id });
        }
        const notes = await this.mention(manager, actor, channel, message, mentioned);
        await writeOutbox(manager, [
          { op: 'upsert', version: 1, document: searchDocument(message, channel.name, actor.organisationId) },
        ]);
        return { message, notes, root: updatedRoot };
      });
    } catch (e) {
      if (e instanceof AlreadySent) return this.replay(e.message, input);
      if (isUniqueViolation(e, 'messages_author_client_msg_id_key')) {
        // The same clientMsgId committed concurrently through another channel's lock.
        const original = await this.dataSource.manager.findOneByOrFail(Message, {
          authorId: actor.id,
          clientMsgId: input.clientMsgId,
        });
        return this.replay(original, input);
      }
      throw e;
    }
    this.notifications.announce(created.notes);
    return {
      // A new message has no reactions yet and we know its mentions: no need to read it back.
      message: toView(created.message, actor.displayName, [], mentioned),
      created: true,
      changed: created.root ? [await toOneView(this.dataSource.manager, created.root)] : [],
    };
  }

  async edit(actor: Actor, messageId: string, rawBody: unknown): Promise<WriteResult> {
    const body = checkBody(rawBody);
    const { message, channel } = await this.load(actor, messageId, 'contribute');
    if (message.authorId !== actor.id) throw forbidden('Only the author may edit a message');
    if (message.deletedAt) throw conflict('This message was deleted');
    if (message.body === body)
      return { message: await toOneView(this.dataSource.manager, message), created: false, changed: [] };
    const html = renderMarkdown(body);
    const mentioned = await this.mentionsIn(body, channel.groupId, actor.id);
    const { saved, notes } = await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOneOrFail(Message, {
        where: { id: messageId },
        lock: { mode: 'pessimistic_write' },
      });
      if (current.deletedAt) throw conflict('This message was deleted');
      const now = new Date();
      await manager.insert(MessageEdit, {
        messageId,
        version: current.version,
        body: current.body,
        html: current.html,
        replacedAt: now,
      });
      Object.assign(current, { body, html, version: current.version + 1, editedAt: now });
      await manager.update(Message, { id: messageId }, { body, html, version: current.version, editedAt: now });
      const before = new Set(
        (await manager.find(Mention, { where: { messageId }, select: { userId: true } })).map((m) => m.userId),
      );
      await manager.delete(Mention, { messageId });
      const notes = await this.mention(manager, actor, channel, current, mentioned, before);
      await writeOutbox(manager, [
        {
          op: 'upsert',
          version: current.version,
          document: searchDocument(current, channel.name, actor.organisationId),
        },
      ]);
      return { saved: current, notes };
    });
    this.notifications.announce(notes);
    return { message: await toOneView(this.dataSource.manager, saved), created: false, changed: [] };
  }

  /** Soft delete: the author, or a facilitator/admin of the group, leaves a tombstone in the timeline. */
  async remove(actor: Actor, messageId: string): Promise<WriteResult> {
    const { message } = await this.load(actor, messageId, 'read');
    if (message.authorId !== actor.id && !(await this.policy.can(actor, message.groupId, 'manage'))) {
      throw forbidden('Only the author or a facilitator may delete a message');
    }
    if (message.deletedAt)
      return { message: await toOneView(this.dataSource.manager, message), created: false, changed: [] };
    const { saved, root } = await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOneOrFail(Message, {
        where: { id: messageId },
        lock: { mode: 'pessimistic_write' },
      });
      if (current.deletedAt) return { saved: current, root: null };
      const now = new Date();
      Object.assign(current, {
        version: current.version + 1,
        deletedAt: now,
        deletedById: actor.id,
        pinnedAt: null,
        pinnedById: null,
      });
      // The content goes: body, history, reactions and mentions; seq and author stay as the tombstone.
      await manager.update(
        Message,
        { id: messageId },
        {
          body: '',
          html: '',
          version: current.version,
          deletedAt: now,
          deletedById: actor.id,
          pinnedAt: null,
          pinnedById: null,
        },
      );
      await manager.delete(MessageEdit, { messageId });
      await manager.delete(Mention, { messageId });
      await manager.query('DELETE FROM message_reactions WHERE message_id = $1', [messageId]);
      let root: Message | null = null;
      if (current.parentId) {
        await manager.query('UPDATE messages SET reply_count = GREATEST(reply_count - 1, 0) WHERE id = $1', [
          current.parentId,
        ]);
        root = await manager.findOneBy(Message, { id: current.parentId });
      }
      await writeOutbox(manager, [{ op: 'delete', version: current.version, type: 'message', id: messageId }]);
      return { saved: current, root };
    });
    const manager = this.dataSource.manager;
    return {
      message: await toOneView(manager, saved),
      created: false,
      changed: root ? [await toOneView(manager, root)] : [],
    };
  }

  async pin(actor: Actor, messageId: string, pinned: boolean): Promise<WriteResult> {
    const { message } = await this.load(actor, messageId, 'manage');
    if (message.deletedAt) throw conflict('This message was deleted');
    await this.dataSource.manager.update(
      Message,
      { id: messageId },
      pinned
        ? { pinnedAt: message.pinnedAt ?? new Date(), pinnedById: message.pinnedById ?? actor.id }
        : { pinnedAt: null, pinnedById: null },
    );
    const fresh = await this.dataSource.manager.findOneByOrFail(Message, { id: messageId });
    return { message: await toOneView(this.dataSource.manager, fresh), created: false, changed: [] };
  }

  /** Loads a message and checks the action on its group; invisible messages are 404. */
  async load(
    actor: Actor,
    messageId: string,
    action: 'read' | 'contribute' | 'manage',
  ): Promise<{ message: Message; channel: Channel }> {
    const message = await this.dataSource.manager.findOneBy(Message, { id: messageId });
    if (!message) throw notFound('Message');
    try {
      const { channel } = await this.channels.require(actor, message.channelId, action);
      return { message, channel };
    } catch (e) {
      if ((e as { code?: string }).code === 'not_found') throw notFound('Message');
      throw e;
    }
  }

  /** A resend: the same clientMsgId with the same body, channel and parent returns the original. */
  private async replay(original: Message, input: SendInput): Promise<WriteResult> {
    const firstBody = original.version === 1 || original.deletedAt ? original.body : await this.firstBody(original);
    const same =
      original.channelId === input.channelId &&
      (original.parentId ?? null) === (input.parentId ?? null) &&
      (original.deletedAt !== null || firstBody === input.body);
    if (!same) {
      throw conflict('This clientMsgId was already used for a different message', [
        { field: 'clientMsgId', reason: 'already used with another body or channel' },
      ]);
    }
    return { message: await toOneView(this.dataSource.manager, original), created: false, changed: [] };
  }

  private async firstBody(message: Message): Promise<string> {
    const first = await this.dataSource.manager.findOne(MessageEdit, {
      where: { messageId: message.id },
      order: { version: 'ASC' },
    });
    return first?.body ?? message.body;
  }

  private async threadRoot(channel: Channel, parentId: string): Promise<Message> {
    const root = await this.dataSource.manager.findOneBy(Message, { id: parentId });
    if (!root || root.channelId !== channel.id) throw invalid('parentId', 'must be a message of the same channel');
    if (root.parentId) throw invalid('parentId', 'must be a thread root, not a reply');
    if (root.deletedAt) throw invalid('parentId', 'the thread root was deleted');
    return root;
  }

  /** Group members the body mentions, except the author (no query when there is no `@`). */
  private async mentionsIn(body: string, groupId: string, authorId: string): Promise<string[]> {
    if (!body.includes('@')) return [];
    return findMentions(body, await this.candidates(groupId)).filter((id) => id !== authorId);
  }

  private async candidates(groupId: string): Promise<MentionCandidate[]> {
    return this.dataSource.query<MentionCandidate[]>(
      `SELECT u.id AS "userId", u.display_name AS "displayName", u.email
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.group_id = $1 AND u.active`,
      [groupId],
    );
  }

  /** Stores mentions and adds a notification for each newly mentioned member (inside the caller's transaction). */
  private async mention(
    manager: EntityManager,
    actor: Actor,
    channel: Channel,
    message: Message,
    userIds: string[],
    alreadyNotified: Set<string> = new Set(),
  ): Promise<Notification[]> {
    if (userIds.length === 0) return [];
    await manager.insert(
      Mention,
      userIds.map((userId) => ({ messageId: message.id, userId, channelId: channel.id, seq: message.seq })),
    );
    const fresh = userIds.filter((id) => !alreadyNotified.has(id));
    return this.notifications.add(
      manager,
      fresh.map((userId) => ({
        userId,
        kind: 'mention',
        groupId: channel.groupId,
        subjectId: message.id,
        title: `${actor.displayName} mentioned you in #${channel.name}`,
        body: excerpt(message.body),
        url: messageUrl(message),
      })),
    );
  }
}
