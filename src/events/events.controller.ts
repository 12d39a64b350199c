import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { UuidParam } from '../common/params';
import { CreateEventDto, ListEventsQuery, SetAttendanceDto, SetInvitationsDto, UpdateEventDto } from './dto/event.dto';
import { EventPeopleService } from './event-people.service';
import { EventPersonRow, EventSummary, EventView } from './event.view';
import { EventsService } from './events.service';

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly people: EventPeopleService,
  ) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListEventsQuery): Promise<EventSummary[]> {
    return this.events.list(actor, query);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateEventDto): Promise<EventView> {
    return this.events.create(actor, dto);
  }

  @Get(':eventId')
  get(@CurrentActor() actor: Actor, @UuidParam('eventId') id: string): Promise<EventView> {
    return this.events.get(actor, id);
  }

  @Patch(':eventId')
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('eventId') id: string,
    @Body() dto: UpdateEventDto,
  ): Promise<EventView> {
    return this.events.update(actor, id, dto);
  }

  @Delete(':eventId')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @UuidParam('eventId') id: string): Promise<void> {
    return this.events.remove(actor, id);
  }

  @Put(':eventId/invitations')
  invite(
    @CurrentActor() actor: Actor,
    @UuidParam('eventId') id: string,
    @Body() dto: SetInvitationsDto,
  ): Promise<EventView> {
    return this.people.setInvitations(actor, id, dto.organisationIds);
  }

  @Post(':eventId/registration')
  @HttpCode(200)
  register(@CurrentActor() actor: Actor, @UuidParam('eventId') id: string): Promise<EventView> {
    return this.people.register(actor, id);
  }

  @Delete(':eventId/registration')
  @HttpCode(204)
  unregister(@CurrentActor() actor: Actor, @UuidParam('eventId') id: string): Promise<void> {
    return this.people.unregister(actor, id);
  }

  @Get(':eventId/registrations')
  registrations(@CurrentActor() actor: Actor, @UuidParam('eventId') id: string): Promise<EventPersonRow[]> {
    return this.people.registrations(actor, id);
  }

  @Get(':eventId/attendance')
  attendance(@CurrentActor() actor: Actor, @UuidParam('eventId') id: string): Promise<EventPersonRow[]> {
    return this.people.attendance(actor, id);
  }

  @Put(':eventId/attendance')
  setAttendance(
    @CurrentActor() actor: Actor,
    @UuidParam('eventId') id: string,
    @Body() dto: SetAttendanceDto,
  ): Promise<EventPersonRow[]> {
    return this.people.setAttendance(actor, id, dto.userIds);
  }
}
