import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../domain-events/domain-events';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import type { DocumentPublished } from './document.events';

/** Once a publication is committed, the group's room hears `document:published`. */
@Injectable()
export class PublicationAnnouncer implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly realtime: RealtimePublisher,
  ) {}

  onModuleInit(): void {
    this.events.onAfterCommit('document.published', (e) => this.announce(e));
  }

  private announce({ doc, actor }: DocumentPublished): void {
    this.realtime.toGroup(doc.groupId, 'document:published', {
      documentId: doc.id,
      groupId: doc.groupId,
      kind: doc.kind,
      title: doc.title,
      publishedBy: actor.id,
      publishedAt: (doc.publishedInGroupAt ?? new Date()).toISOString(),
    });
  }
}
