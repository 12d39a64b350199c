import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { GroupsController } from './groups.controller';
import { GroupsPolicy } from './groups.policy';
import { GroupsService } from './groups.service';
import { MembershipDeparture } from './membership-departure.entity';
import { Membership } from './membership.entity';
import { WorkingGroup } from './working-group.entity';

@Module({
  imports: [TypeOrmModule.forFeature([WorkingGroup, Membership, MembershipDeparture]), UsersModule],
  controllers: [GroupsController],
  providers: [GroupsService, GroupsPolicy],
  exports: [GroupsService, GroupsPolicy],
})
export class GroupsModule {}
