import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { GroupsModule } from '../groups/groups.module';
import { UsersModule } from '../users/users.module';
import { SeedService } from './seed.service';

@Module({ imports: [UsersModule, GroupsModule, DocumentsModule], providers: [SeedService], exports: [SeedService] })
export class DemoModule {}
