import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { conflict, notFound } from '../common/errors';
import { DomainEvents } from '../domain-events/domain-events';
import { GroupAction, readableGroupsSql } from '../groups/access';
import { GroupAccess, GroupsPolicy, hiddenAs } from '../groups/groups.policy';
import { WorkingGroup } from '../groups/working-group.entity';
import type { ChannelInfo, ChannelView } from './channel.view';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import { Channel } from './channel.entity';
import { CreateChannelDto, UpdateChannelDto } from './dto/channel.dto';

export const DEFAULT_CHANNEL = 'general';
/** Channels remembered by requireGroup before the map starts over (ids only: a few MB at most). */
const GROUP_OF_CHANNEL_MAX = 50_000;

interface ChannelRow {
  id: string;
  group_id: string;
  name: string;
  topic: string;
  archived_at: Date | null;
  last_seq: string;
  created_at: Date;
  last_read_seq: string;
  unread_count: number;
  mention_count: number;
}

export function channelInfo(c: Channel): ChannelInfo {
  return {
    id: c.id,
    groupId: c.groupId,
    name: c.name,
    topic: c.topic,
    archivedAt: c.archivedAt?.toISOString() ?? null,
    lastSeq: Number(c.lastSeq),
    createdAt: c.createdAt.toISOString(),
  };
}

/** Channels of a working group: who may see or manage them follows the group (GroupsPolicy). */
@Injectable()
export class ChannelsService implements OnModuleInit {
  private readonly groupOfChannel = new Map<string, string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly policy: GroupsPolicy,
    private readonly realtime: RealtimePublisher,
  ) {}

  onModuleInit(): void {
    // Every working group starts with a `general` channel, created in the same transaction.
    this.events.onInTransaction('group.created', (group, manager) => this.createDefault(manager, group));
  }

  private async createDefault(manager: EntityManager, group: WorkingGroup): Promise<void> {
    await manager.insert(Channel, { groupId: group.id, name: DEFAULT_CHANNEL, topic: '', createdById: null });
  }

  /** Loads a channel and checks the action on its group; an invisible channel is a 404 like a missing one. */
  async require(actor: Actor, channelId: string, action: GroupAction): Promise<{ channel: Channel } & GroupAccess> {
    const channel = await this.dataSource.manager.findOneBy(Channel, { id: channelId });
    if (!channel) throw notFound('Channel');
    return { channel, ...(await this.access(actor, channel.groupId, action)) };
  }

  /**
   * The access check alone, for the hot path (sending): a channel never changes group, so its
   * group is remembered and only the (cached) policy decision runs per message. Archiving is
   * checked under the channel lock at commit.
   */
  async requireGroup(actor: Actor, channelId: string, action: GroupAction): Promise<{ groupId: string } & GroupAccess> {
    let groupId = this.groupOfChannel.get(channelId);
    if (!groupId) {
      const channel = await this.dataSource.manager.findOne(Channel, {
        where: { id: channelId },
        select: { groupId: true },
      });
      if (!channel) throw notFound('Channel');
      if (this.groupOfChannel.size >= GROUP_OF_CHANNEL_MAX) this.groupOfChannel.clear();
      this.groupOfChannel.set(channelId, (groupId = channel.groupId));
    }
    return { groupId, ...(await this.access(actor, groupId, action)) };
  }

  /** The policy's answer for the channel's group; a hidden group makes the channel a 404 like a missing one. */
  private access(actor: Actor, groupId: string, action: GroupAction): Promise<GroupAccess> {
    return this.policy.require(actor, groupId, action).catch(hiddenAs('Channel'));
  }

  async list(actor: Actor, groupId: string, includeArchived = false): Promise<ChannelView[]> {
    await this.policy.require(actor, groupId, 'read');
    const rows = await this.dataSource.query<ChannelRow[]>(
      `SELECT c.id, c.group_id, c.name, c.topic, c.archived_at, c.last_seq, c.created_at,
              COALESCE(r.last_read_seq, 0) AS last_read_seq,
              (SELECT count(*) FROM messages m
                WHERE m.channel_id = c.id AND m.seq > COALESCE(r.last_read_seq, 0)
                  AND m.deleted_at IS NULL AND m.author_id <> $2)::int AS unread_count,
              (SELECT count(*) FROM message_mentions mm JOIN messages m ON m.id = mm.message_id
                WHERE mm.user_id = $2 AND mm.channel_id = c.id AND mm.seq > COALESCE(r.last_read_seq, 0)
                  AND m.deleted_at IS NULL)::int AS mention_count
         FROM channels c
         LEFT JOIN channel_read_markers r ON r.channel_id = c.id AND r.user_id = $2
        WHERE c.group_id = $1 ${includeArchived ? '' : 'AND c.archived_at IS NULL'}
        ORDER BY (c.name <> '${DEFAULT_CHANNEL}'), c.name`,
      [groupId, actor.id],
    );
    return rows.map((r) => ({
      id: r.id,
      groupId: r.group_id,
      name: r.name,
      topic: r.topic,
      archivedAt: r.archived_at ? new Date(r.archived_at).toISOString() : null,
      lastSeq: Number(r.last_seq),
      createdAt: new Date(r.created_at).toISOString(),
      lastReadSeq: Number(r.last_read_seq),
      unreadCount: r.unread_count,
      mentionCount: r.mention_count,
    }));
  }

  async get(actor: Actor, channelId: string): Promise<ChannelView> {
    const { channel } = await this.require(actor, channelId, 'read');
    const all = await this.list(actor, channel.groupId, true);
    return all.find((c) => c.id === channelId)!;
  }

  async create(actor: Actor, groupId: string, dto: CreateChannelDto): Promise<ChannelView> {
    await this.policy.require(actor, groupId, 'manage');
    if (await this.dataSource.manager.existsBy(Channel, { groupId, name: dto.name })) {
      throw conflict(`This group already has a channel named "${dto.name}"`, [{ field: 'name', reason: 'taken' }]);
    }
    const channel = await this.dataSource.manager.save(
      this.dataSource.manager.create(Channel, {
        groupId,
        name: dto.name,
        topic: dto.topic ?? '',
        createdById: actor.id,
      }),
    );
    this.realtime.toGroup(groupId, 'channel:created', channelInfo(channel));
    return this.get(actor, channel.id);
  }

  async update(actor: Actor, channelId: string, dto: UpdateChannelDto): Promise<ChannelView> {
    const { channel } = await this.require(actor, channelId, 'manage');
    if (dto.name !== undefined && dto.name !== channel.name) {
      if (await this.dataSource.manager.existsBy(Channel, { groupId: channel.groupId, name: dto.name })) {
        throw conflict(`This group already has a channel named "${dto.name}"`, [{ field: 'name', reason: 'taken' }]);
      }
      channel.name = dto.name;
    }
    if (dto.topic !== undefined) channel.topic = dto.topic;
    if (dto.archived !== undefined) channel.archivedAt = dto.archived ? (channel.archivedAt ?? new Date()) : null;
    // Only these columns: last_seq is owned by message inserts and must never be written back stale.
    await this.dataSource.manager.update(
      Channel,
      { id: channel.id },
      { name: channel.name, topic: channel.topic, archivedAt: channel.archivedAt },
    );
    const fresh = await this.dataSource.manager.findOneByOrFail(Channel, { id: channel.id });
    this.realtime.toGroup(channel.groupId, 'channel:updated', channelInfo(fresh));
    return this.get(actor, channelId);
  }

  /** Channel ids of a group, for revoking a removed member's channel rooms. */
  async idsOfGroup(groupId: string): Promise<string[]> {
    const rows = await this.dataSource.manager.find(Channel, { where: { groupId }, select: { id: true } });
    return rows.map((r) => r.id);
  }

  /** Channel ids of the groups this person may not read, for revoking a former admin's channel rooms. */
  async idsHiddenFrom(person: Pick<Actor, 'id' | 'role'>): Promise<string[]> {
    const readable = readableGroupsSql(person, 'g');
    if (!readable) return [];
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('c.id', 'id')
      .from(Channel, 'c')
      .innerJoin(WorkingGroup, 'g', 'g.id = c.group_id')
      .where(`NOT ${readable.sql}`, readable.params)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }
}
