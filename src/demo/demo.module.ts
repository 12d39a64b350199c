import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { DocumentsModule } from '../documents/documents.module';
import { GroupsModule } from '../groups/groups.module';
import { UsersModule } from '../users/users.module';
import { SeedService } from './seed.service';

/** The bootstrap admin and the demo world; above every feature, it writes through their services. */
@Module({
  imports: [UsersModule, GroupsModule, ChannelsModule, DocumentsModule],
  providers: [SeedService],
  exports: [SeedService],
})
export class DemoModule {}
