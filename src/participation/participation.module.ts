import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module';
import { ParticipationController } from './participation.controller';
import { ParticipationService } from './participation.service';

/** Participation by organisation × working group, computed live from the other features' tables. */
@Module({ imports: [GroupsModule], controllers: [ParticipationController], providers: [ParticipationService] })
export class ParticipationModule {}
