import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { UuidParam } from '../common/params';
import { CreateGroupDto, SetMemberDto, UpdateGroupDto } from './dto/group.dto';
import { GroupView, MemberView } from './group.view';
import { GroupsService } from './groups.service';

@ApiTags('groups')
@Controller('groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Get()
  list(@CurrentActor() actor: Actor): Promise<GroupView[]> {
    return this.groups.list(actor);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateGroupDto): Promise<GroupView> {
    return this.groups.create(actor, dto);
  }

  @Get(':groupId')
  get(@CurrentActor() actor: Actor, @UuidParam('groupId') groupId: string): Promise<GroupView> {
    return this.groups.get(actor, groupId);
  }

  @Patch(':groupId')
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('groupId') groupId: string,
    @Body() dto: UpdateGroupDto,
  ): Promise<GroupView> {
    return this.groups.update(actor, groupId, dto);
  }

  @Get(':groupId/members')
  members(@CurrentActor() actor: Actor, @UuidParam('groupId') groupId: string): Promise<MemberView[]> {
    return this.groups.members(actor, groupId);
  }

  @Put(':groupId/members/:userId')
  setMember(
    @CurrentActor() actor: Actor,
    @UuidParam('groupId') groupId: string,
    @UuidParam('userId') userId: string,
    @Body() dto: SetMemberDto,
  ): Promise<MemberView> {
    return this.groups.setMember(actor, groupId, userId, dto.role);
  }

  @Delete(':groupId/members/:userId')
  @HttpCode(204)
  removeMember(
    @CurrentActor() actor: Actor,
    @UuidParam('groupId') groupId: string,
    @UuidParam('userId') userId: string,
  ): Promise<void> {
    return this.groups.removeMember(actor, groupId, userId);
  }
}
