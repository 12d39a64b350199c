import { Global, Module } from '@nestjs/common';
import { DomainEvents } from './domain-events';

/** Global: every feature publishes and subscribes through the one DomainEvents. */
@Global()
@Module({ providers: [DomainEvents], exports: [DomainEvents] })
export class DomainEventsModule {}
