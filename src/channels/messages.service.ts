import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { conflict, forbidden, invalid, notFound } from '../common/errors';
import { DomainEvents } from '../domain-events/domain-events';
import { GroupsPolicy, hiddenAs } from '../groups/groups.policy';
import { MarkdownRenderer } from '../markdown/markdown-renderer';
import { NO_TURN, Turn } from '../realtime/arrival-order';
import type { MessageView } from './message.view';
import { writeOutbox } from '../search/outbox';
import { Channel } from './channel.entity';
import { ChannelsService } from './channels.service';
import { Mention } from './mention.entity';
import { Mentions } from './mentions';
import { MessageEdit } from './message-edit.entity';
import { checkBody } from './message-rules';
import { searchDocument, toOneView, toView } from './message.mapper';
import { Message } from './message.entity';
import { SendQueue } from './send-queue';

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

/**
 * Writes to messages. New messages are group-committed by SendQueue; every other write is one
 * short transaction that also records the search outbox row and any mentions (their domain
 * events notify people). Realtime broadcasts happen in the gateway, after commit.
 */
@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly channels: ChannelsService,
    private readonly policy: GroupsPolicy,
    private readonly mentions: Mentions,
    private readonly queue: SendQueue,
    private readonly markdown: MarkdownRenderer,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Checks and prepares outside any transaction, then joins the next group commit (SendQueue).
   * `turn` orders the joining: sends of one connection are queued, and so take seqs, in the order
   * they were sent, though their checks run concurrently.
   */
  async send(actor: Actor, input: SendInput, turn: Turn = NO_TURN): Promise<WriteResult> {
    // The socket DTO refused malformed bodies already; the length limit answers 413, so it is here.
    const body = checkBody(input.body);
    const { groupId } = await this.channels.requireGroup(actor, input.channelId, 'contribute');
    if (input.parentId) await this.threadRoot(input.channelId, input.parentId);
    const { userIds: mentioned, names } = await this.mentions.find(body, groupId, actor.id);
    const html = await this.markdown.render(body, { mentions: names });
    await turn.wait();
    const committed = this.queue.commit({
      actor,
      channelId: input.channelId,
      groupId,
      clientMsgId: input.clientMsgId,
      body,
      html,
      parentId: input.parentId,
      mentioned,
    });
    turn.done(); // queued: the next send of this connection may join now
    const outcome = await committed;
    if (outcome.kind === 'existing') return this.replay(outcome.message, input);
    return {
      // A new message has no reactions yet and we know its mentions: no need to read it back.
      message: toView(outcome.message, actor.displayName, [], mentioned),
      created: true,
      changed: outcome.root ? [outcome.root] : [],
    };
  }

  async edit(actor: Actor, messageId: string, rawBody: string): Promise<WriteResult> {
    const body = checkBody(rawBody);
    const { message, channel } = await this.load(actor, messageId, 'contribute');
    if (message.authorId !== actor.id) throw forbidden('Only the author may edit a message');
    if (message.deletedAt) throw conflict('This message was deleted');
    if (message.body === body)
      return { message: await toOneView(this.dataSource.manager, message), created: false, changed: [] };
    const { userIds: mentioned, names } = await this.mentions.find(body, channel.groupId, actor.id);
    const html = await this.markdown.render(body, { mentions: names });
    const saved = await this.events.transaction(async (manager) => {
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
      await this.mentions.record(manager, actor, channel, current, mentioned, before);
      await writeOutbox(manager, [
        {
          op: 'upsert',
          version: current.version,
          document: searchDocument(current, channel.name, actor.organisationId),
        },
      ]);
      return current;
    });
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
    const { channel } = await this.channels.require(actor, message.channelId, action).catch(hiddenAs('Message'));
    return { message, channel };
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

  private async threadRoot(channelId: string, parentId: string): Promise<Message> {
    const root = await this.dataSource.manager.findOneBy(Message, { id: parentId });
    if (!root || root.channelId !== channelId) throw invalid('parentId', 'must be a message of the same channel');
    if (root.parentId) throw invalid('parentId', 'must be a thread root, not a reply');
    if (root.deletedAt) throw invalid('parentId', 'the thread root was deleted');
    return root;
  }
}
