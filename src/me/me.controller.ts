import { Body, Controller, Get, Header, Patch, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { UpdateMeDto } from '../users/dto/user.dto';
import { MeService } from './me.service';
import type { MeView } from './me.view';

/** The signed-in person: profile plus the groups they belong to and their roles. */
@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(private readonly me: MeService) {}

  /** Clients ask for this on every start and focus: it answers the cached view's JSON as it is (a MeView). */
  @Get()
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOkResponse({ description: 'MeView: { user, groups }' })
  get(@CurrentActor() actor: Actor): string | Promise<string> {
    return this.me.json(actor);
  }

  /** A new `password` needs `currentPassword`; it ends every other session of this person. */
  @Patch()
  update(@CurrentActor() actor: Actor, @Body() dto: UpdateMeDto, @Req() request: FastifyRequest): Promise<MeView> {
    return this.me.update(actor, dto, request.ip);
  }
}
