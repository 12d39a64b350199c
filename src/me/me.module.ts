import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module';
import { UsersModule } from '../users/users.module';
import { MeController } from './me.controller';

@Module({ imports: [UsersModule, GroupsModule], controllers: [MeController] })
export class MeModule {}
