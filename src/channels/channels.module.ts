import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GroupsModule } from '../groups/groups.module';
import { MarkdownModule } from '../markdown/markdown.module';
import { ChannelActivity } from './channel-activity';
import { Channel } from './channel.entity';
import { ChannelsController } from './channels.controller';
import { ChannelsGateway } from './channels.gateway';
import { ChannelsService } from './channels.service';
import { Mentions } from './mentions';
import { MessagesService } from './messages.service';
import { MessageSearchSource } from './search-source';
import { SendQueue } from './send-queue';
import { TimelineService } from './timeline.service';

@Module({
  imports: [TypeOrmModule.forFeature([Channel]), GroupsModule, MarkdownModule],
  controllers: [ChannelsController],
  providers: [
    ChannelActivity,
    ChannelsService,
    MessagesService,
    Mentions,
    SendQueue,
    TimelineService,
    ChannelsGateway,
    MessageSearchSource,
  ],
  exports: [ChannelsService, MessagesService],
})
export class ChannelsModule {}
