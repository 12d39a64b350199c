import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { UuidParam } from '../common/params';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { PersonView, UserView } from './user.view';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(@CurrentActor() actor: Actor): Promise<PersonView[]> {
    return this.users.list(actor);
  }

  @Get(':userId')
  get(@CurrentActor() actor: Actor, @UuidParam('userId') id: string): Promise<PersonView> {
    return this.users.get(actor, id);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(actor, dto);
  }

  @Patch(':userId')
  update(@CurrentActor() actor: Actor, @UuidParam('userId') id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return this.users.update(actor, id, dto);
  }
}
