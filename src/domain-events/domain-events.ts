import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainEventBus } from './domain-event-bus';

/** THE domain-event bus of the application (see DomainEventBus), failures in the log. */
@Injectable()
export class DomainEvents extends DomainEventBus {
  constructor(@InjectDataSource() dataSource: DataSource) {
    const logger = new Logger('domain-events');
    super(dataSource, (event, e) =>
      logger.error({ err: e instanceof Error ? e.stack : String(e), event }, 'after-commit handler failed'),
    );
  }
}
