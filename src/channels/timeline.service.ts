import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not } from 'typeorm';
import { Actor } from '../auth/actor';
import { conflict, invalid } from '../common/errors';
import { Channel } from './channel.entity';
import { ChannelsService } from './channels.service';
import { MessageEdit } from './message-edit.entity';
import { checkEmoji } from './message-rules';
import { summarise, toViews } from './message.mapper';
import { Message } from './message.entity';
import type { EditHistoryEntry, HistoryPage, MessageView, ReactionSummary, ThreadView } from './message.view';
import { MessagesService } from './messages.service';
import { Reaction } from './reaction.entity';

const MAX_THREAD_REPLIES = 1000;
const MAX_EMOJI_PER_MESSAGE = 40;

/** Reading the timeline (history, catch-up, threads, edits) and the small per-person writes: reactions and read markers. */
@Injectable()
export class TimelineService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly channels: ChannelsService,
    private readonly messages: MessagesService,
  ) {}

  async history(
    actor: Actor,
    channelId: string,
    q: { beforeSeq?: number; afterSeq?: number; aroundSeq?: number; limit?: number },
  ): Promise<HistoryPage> {
    const { channel } = await this.channels.require(actor, channelId, 'read');
    if (q.aroundSeq !== undefined) {
      if (q.beforeSeq !== undefined || q.afterSeq !== undefined) {
        throw invalid('aroundSeq', 'aroundSeq cannot be combined with beforeSeq or afterSeq');
      }
      return this.around(channelId, q.aroundSeq, q.limit ?? 50);
    }
    if (q.beforeSeq !== undefined && q.afterSeq !== undefined && q.beforeSeq <= q.afterSeq + 1) {
      return { messages: [], lastSeq: Number(channel.lastSeq), hasMore: false };
    }
    const limit = q.limit ?? 50;
    return this.page(channelId, q.afterSeq ?? null, q.beforeSeq ?? null, limit);
  }

  /** For `channel:join` (the caller has checked access): what came after `afterSeq`, oldest first. */
  async missed(channelId: string, afterSeq: number, limit: number): Promise<HistoryPage> {
    return this.page(channelId, afterSeq, null, limit);
  }

  /**
   * A link to one message opens here: the `limit` messages around `seq` (half before it, the rest
   * from it on), oldest first. Past the channel's end it gives the newest messages before it.
   */
  private async around(channelId: string, seq: number, limit: number): Promise<HistoryPage> {
    const half = Math.floor(limit / 2);
    const after = await this.page(channelId, seq - 1, null, limit - half);
    const before = half > 0 ? await this.page(channelId, null, seq, half) : null;
    return {
      messages: [...(before?.messages ?? []), ...after.messages],
      lastSeq: after.lastSeq,
      hasMore: before ? before.hasMore : seq > 1,
      hasMoreAfter: after.hasMore,
    };
  }

  private async page(
    channelId: string,
    after: number | null,
    before: number | null,
    limit: number,
  ): Promise<HistoryPage> {
    const manager = this.dataSource.manager;
    // last_seq is read first: every seq up to it is committed (seqs commit in order), so
    // nothing a client pages through can be skipped.
    const { lastSeq } = await manager.findOneByOrFail(Channel, { id: channelId });
    const qb = manager
      .createQueryBuilder(Message, 'm')
      .where('m.channel_id = :channelId', { channelId })
      .andWhere('m.seq <= :lastSeq', { lastSeq })
      .take(limit + 1);
    if (after !== null) qb.andWhere('m.seq > :after', { after });
    if (before !== null) qb.andWhere('m.seq < :before', { before });
    // After a point: the oldest first. Otherwise: the newest page, returned oldest first.
    qb.orderBy('m.seq', after !== null ? 'ASC' : 'DESC');
    const rows = await qb.getMany();
    const hasMore = rows.length > limit;
    const page = rows.slice(0, limit);
    if (after === null) page.reverse();
    return { messages: await toViews(manager, page), lastSeq: Number(lastSeq), hasMore };
  }

  async thread(actor: Actor, messageId: string): Promise<ThreadView> {
    const { message } = await this.messages.load(actor, messageId, 'read');
    const manager = this.dataSource.manager;
    const root = message.parentId ? await manager.findOneByOrFail(Message, { id: message.parentId }) : message;
    const replies = await manager.find(Message, {
      where: { parentId: root.id },
      order: { seq: 'ASC' },
      take: MAX_THREAD_REPLIES,
    });
    const [rootView, ...replyViews] = await toViews(manager, [root, ...replies]);
    return { root: rootView, replies: replyViews };
  }

  async edits(actor: Actor, messageId: string): Promise<EditHistoryEntry[]> {
    const { message } = await this.messages.load(actor, messageId, 'read');
    if (message.deletedAt) return [];
    const rows = await this.dataSource.manager.find(MessageEdit, { where: { messageId }, order: { version: 'ASC' } });
    return rows.map((r) => ({
      version: r.version,
      body: r.body,
      html: r.html,
      replacedAt: r.replacedAt.toISOString(),
    }));
  }

  async pinned(actor: Actor, channelId: string): Promise<MessageView[]> {
    await this.channels.require(actor, channelId, 'read');
    const rows = await this.dataSource.manager.find(Message, {
      where: { channelId, pinnedAt: Not(IsNull()), deletedAt: IsNull() },
      order: { pinnedAt: 'DESC' },
      take: 200,
    });
    return toViews(this.dataSource.manager, rows);
  }

  /** Adds the reaction, or removes it when the person already reacted with that emoji. */
  async toggleReaction(
    actor: Actor,
    messageId: string,
    emoji: string,
  ): Promise<{ message: Message; reactions: ReactionSummary[] }> {
    checkEmoji(emoji); // the socket DTO checked it already; the rule holds for any caller
    const { message } = await this.messages.load(actor, messageId, 'contribute');
    if (message.deletedAt) throw conflict('This message was deleted');
    const reactions = await this.dataSource.transaction(async (manager) => {
      const removed = await manager.delete(Reaction, { messageId, userId: actor.id, emoji });
      if (!removed.affected) {
        const kinds = await manager
          .createQueryBuilder(Reaction, 'r')
          .select('count(DISTINCT r.emoji)::int', 'n')
          .where('r.message_id = :messageId AND r.emoji <> :emoji', { messageId, emoji })
          .getRawOne<{ n: number }>();
        if ((kinds?.n ?? 0) >= MAX_EMOJI_PER_MESSAGE) {
          throw invalid('emoji', `a message takes at most ${MAX_EMOJI_PER_MESSAGE} different reactions`);
        }
        await manager
          .createQueryBuilder()
          .insert()
          .into(Reaction)
          .values({ messageId, userId: actor.id, emoji })
          .orIgnore()
          .execute();
      }
      return manager.find(Reaction, { where: { messageId } });
    });
    return { message, reactions: summarise(reactions) };
  }

  /** Moves the caller's read marker forward (never back), capped at the channel's last seq. */
  async markRead(actor: Actor, channelId: string, seq: number): Promise<number> {
    const { channel } = await this.channels.require(actor, channelId, 'read');
    const capped = Math.min(seq, Number(channel.lastSeq));
    const rows = await this.dataSource.query<Array<{ last_read_seq: string }>>(
      `INSERT INTO channel_read_markers (channel_id, user_id, last_read_seq, updated_at)
       VALUES ($1, $2, $3, now())
       ON CONFLICT (channel_id, user_id) DO UPDATE
         SET last_read_seq = GREATEST(channel_read_markers.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()
       RETURNING last_read_seq`,
      [channelId, actor.id, capped],
    );
    return Number(rows[0].last_read_seq);
  }
}
