import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import type { EngineChange } from '../search/search-engine';
import { Location, SearchSources } from '../search/search-sources';
import { User } from '../users/user.entity';
import { Channel } from './channel.entity';
import { messageUrl, searchDocument } from './message.mapper';
import { Message } from './message.entity';

/** Offers every live message to a full reindex, in id order, a batch at a time, and says where hits are now. */
@Injectable()
export class MessageSearchSource implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: SearchSources,
  ) {}

  onModuleInit(): void {
    this.sources.register({
      type: 'message',
      count: () => this.count(),
      batches: (n) => this.batches(n),
      locate: (ids) => this.locate(ids),
    });
  }

  /** Messages not deleted, in their channel's group. */
  private async locate(ids: string[]): Promise<Map<string, Location>> {
    const rows = await this.dataSource.query<Array<{ id: string; group_id: string; channel_id: string; seq: string }>>(
      `SELECT id, group_id, channel_id, seq FROM messages WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`,
      [ids],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        { groupId: r.group_id, url: messageUrl({ groupId: r.group_id, channelId: r.channel_id, seq: r.seq }) },
      ]),
    );
  }

  private count(): Promise<number> {
    return this.dataSource.manager.countBy(Message, { deletedAt: IsNull() });
  }

  private async *batches(size: number): AsyncIterable<EngineChange[]> {
    const m = this.dataSource.manager;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const messages = await m.find(Message, {
        where: { deletedAt: IsNull(), id: MoreThan(after) },
        order: { id: 'ASC' },
        take: size,
      });
      if (messages.length === 0) return;
      const channelIds = [...new Set(messages.map((x) => x.channelId))];
      const authorIds = [...new Set(messages.map((x) => x.authorId))];
      const [channels, authors] = await Promise.all([
        m.find(Channel, { where: channelIds.map((id) => ({ id })), select: { id: true, name: true } }),
        m.find(User, { where: authorIds.map((id) => ({ id })), select: { id: true, organisationId: true } }),
      ]);
      const channelName = new Map(channels.map((c) => [c.id, c.name]));
      const orgOf = new Map(authors.map((u) => [u.id, u.organisationId]));
      yield messages.map((msg): EngineChange => ({
        op: 'upsert',
        version: msg.version,
        document: searchDocument(msg, channelName.get(msg.channelId) ?? '', orgOf.get(msg.authorId) ?? null),
      }));
      after = messages[messages.length - 1].id;
    }
  }
}
