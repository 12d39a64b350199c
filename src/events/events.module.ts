import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GroupsModule } from '../groups/groups.module';
import { EventAccess } from './event-access';
import { EventAttendance } from './event-attendance.entity';
import { EventInvitation } from './event-invitation.entity';
import { EventPeopleService } from './event-people.service';
import { EventRegistration } from './event-registration.entity';
import { AgendaEvent } from './event.entity';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';

/** Events, invitations, registration and attendance. */
@Module({
  imports: [TypeOrmModule.forFeature([AgendaEvent, EventInvitation, EventRegistration, EventAttendance]), GroupsModule],
  controllers: [EventsController],
  providers: [EventAccess, EventsService, EventPeopleService],
  exports: [EventAccess],
})
export class EventsModule {}
