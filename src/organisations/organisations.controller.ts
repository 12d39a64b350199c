import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { UuidParam } from '../common/params';
import { CreateOrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto';
import { Organisation } from './organisation.entity';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  list(@CurrentActor() actor: Actor): Promise<Organisation[]> {
    return this.organisations.list(actor);
  }

  @Get(':organisationId')
  get(@CurrentActor() actor: Actor, @UuidParam('organisationId') id: string): Promise<Organisation> {
    return this.organisations.get(actor, id);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateOrganisationDto): Promise<Organisation> {
    return this.organisations.create(actor, dto);
  }

  @Patch(':organisationId')
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('organisationId') id: string,
    @Body() dto: UpdateOrganisationDto,
  ): Promise<Organisation> {
    return this.organisations.update(actor, id, dto);
  }
}
