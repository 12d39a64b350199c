import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { GroupView } from '../groups/group.view';
import { GroupsService } from '../groups/groups.service';
import { UpdateMeDto } from '../users/dto/user.dto';
import { UserView } from '../users/user.view';
import { UsersService } from '../users/users.service';

export interface MeView {
  user: UserView;
  groups: GroupView[];
}

/** The signed-in person: profile plus the groups they belong to and their roles. */
@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly groups: GroupsService,
  ) {}

  @Get()
  async me(@CurrentActor() actor: Actor): Promise<MeView> {
    const [user, groups] = await Promise.all([this.users.get(actor, actor.id), this.groups.mine(actor)]);
    return { user, groups };
  }

  @Patch()
  async update(@CurrentActor() actor: Actor, @Body() dto: UpdateMeDto): Promise<MeView> {
    await this.users.updateMe(actor, dto);
    return this.me(actor);
  }
}
