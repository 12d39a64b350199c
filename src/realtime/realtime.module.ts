import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { GroupsModule } from '../groups/groups.module';
import { Membership } from '../groups/membership.entity';
import { Admission } from './admission';
import { SocketDispatcher } from './dispatcher';
import { EventLimits } from './event-limits';
import { Presence } from './presence';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimePublisher } from './realtime.publisher';
import { Revocation } from './revocation';
import { SessionRecheck } from './session-recheck';

/**
 * Global so any feature can announce events (RealtimePublisher) or register socket events
 * (RealtimeGateway). The gateway starts the one socket.io server at application bootstrap.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Membership]), AuthModule, GroupsModule],
  providers: [
    RealtimePublisher,
    RealtimeGateway,
    Admission,
    SocketDispatcher,
    EventLimits,
    SessionRecheck,
    Presence,
    Revocation,
  ],
  exports: [RealtimePublisher, RealtimeGateway],
})
export class RealtimeModule {}
