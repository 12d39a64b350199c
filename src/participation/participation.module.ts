import { Module } from '@nestjs/common';
import { ParticipationController } from './participation.controller';
import { ParticipationService } from './participation.service';

/** Participation by organisation × working group, computed live from the other features' tables. */
@Module({ controllers: [ParticipationController], providers: [ParticipationService] })
export class ParticipationModule {}
