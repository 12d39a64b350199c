import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { UuidParam } from '../common/params';
import type { ChannelView, ReadResult } from './channel.view';
import type { EditHistoryEntry, HistoryPage, MessageView, ThreadView } from './message.view';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import { ChannelsService } from './channels.service';
import {
  CreateChannelDto,
  HistoryQuery,
  ListChannelsQuery,
  MarkChannelReadDto,
  UpdateChannelDto,
} from './dto/channel.dto';
import { TimelineService } from './timeline.service';

@ApiTags('channels')
@Controller()
export class ChannelsController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly timeline: TimelineService,
    private readonly realtime: RealtimePublisher,
  ) {}

  @Get('groups/:groupId/channels')
  list(
    @CurrentActor() actor: Actor,
    @UuidParam('groupId') groupId: string,
    @Query() query: ListChannelsQuery,
  ): Promise<ChannelView[]> {
    return this.channels.list(actor, groupId, query.archived ?? false);
  }

  @Post('groups/:groupId/channels')
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('groupId') groupId: string,
    @Body() dto: CreateChannelDto,
  ): Promise<ChannelView> {
    return this.channels.create(actor, groupId, dto);
  }

  @Get('channels/:channelId')
  get(@CurrentActor() actor: Actor, @UuidParam('channelId') channelId: string): Promise<ChannelView> {
    return this.channels.get(actor, channelId);
  }

  @Patch('channels/:channelId')
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('channelId') channelId: string,
    @Body() dto: UpdateChannelDto,
  ): Promise<ChannelView> {
    return this.channels.update(actor, channelId, dto);
  }

  @Get('channels/:channelId/messages')
  history(
    @CurrentActor() actor: Actor,
    @UuidParam('channelId') channelId: string,
    @Query() query: HistoryQuery,
  ): Promise<HistoryPage> {
    return this.timeline.history(actor, channelId, query);
  }

  @Get('channels/:channelId/pins')
  pins(@CurrentActor() actor: Actor, @UuidParam('channelId') channelId: string): Promise<MessageView[]> {
    return this.timeline.pinned(actor, channelId);
  }

  @Post('channels/:channelId/read')
  @HttpCode(200)
  async read(
    @CurrentActor() actor: Actor,
    @UuidParam('channelId') channelId: string,
    @Body() dto: MarkChannelReadDto,
  ): Promise<ReadResult> {
    const lastReadSeq = await this.timeline.markRead(actor, channelId, dto.seq);
    this.realtime.toUser(actor.id, 'channel:read', { channelId, lastReadSeq });
    return { channelId, lastReadSeq };
  }

  @Get('messages/:messageId/thread')
  thread(@CurrentActor() actor: Actor, @UuidParam('messageId') messageId: string): Promise<ThreadView> {
    return this.timeline.thread(actor, messageId);
  }

  @Get('messages/:messageId/edits')
  edits(@CurrentActor() actor: Actor, @UuidParam('messageId') messageId: string): Promise<EditHistoryEntry[]> {
    return this.timeline.edits(actor, messageId);
  }
}
