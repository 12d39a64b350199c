import { Global, Module } from '@nestjs/common';
import { RealtimePublisher } from './realtime.publisher';

/** Global so any feature can announce events; the gateway (issue 3) attaches the server. */
@Global()
@Module({ providers: [RealtimePublisher], exports: [RealtimePublisher] })
export class RealtimeModule {}
