import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GroupsModule } from '../groups/groups.module';
import { Channel } from './channel.entity';
import { ChannelsService } from './channels.service';

@Module({
  imports: [TypeOrmModule.forFeature([Channel]), GroupsModule],
  providers: [ChannelsService],
  exports: [ChannelsService],
})
export class ChannelsModule {}
