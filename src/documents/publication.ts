import { Injectable } from '@nestjs/common';
import { EntityManager, Not } from 'typeorm';
import { Actor } from '../auth/actor';
import { Membership } from '../groups/membership.entity';
import { WorkingGroup } from '../groups/working-group.entity';
import { Notification } from '../notifications/notification.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import { Document } from './document.entity';
import { documentRoute } from './rules';

const LABEL: Record<Document['kind'], string> = {
  page: 'page',
  ci_note: 'CI note',
  meeting_summary: 'meeting summary',
  resource: 'resource',
};

/** What happens when a document becomes published, after the transaction commits. */
export interface Publication {
  doc: Document;
  actor: Actor;
  notifications: Notification[];
}

/**
 * Publishing tells the group: a stored notification for every member and observer (so
 * people offline see it later), written in the publishing transaction; then, once
 * committed, `document:published` to the group's room and `notification:new` to each person.
 */
@Injectable()
export class PublicationNotifier {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly realtime: RealtimePublisher,
  ) {}

  async record(manager: EntityManager, doc: Document, actor: Actor): Promise<Publication> {
    const [group, members] = await Promise.all([
      manager.findOneOrFail(WorkingGroup, { where: { id: doc.groupId }, select: { id: true, name: true } }),
      manager.find(Membership, { where: { groupId: doc.groupId, userId: Not(actor.id) }, select: { userId: true } }),
    ]);
    const label = LABEL[doc.kind];
    const notifications = await this.notifications.add(
      manager,
      members.map((m) => ({
        userId: m.userId,
        kind: doc.kind === 'meeting_summary' ? 'summary_published' : 'document_published',
        groupId: doc.groupId,
        subjectId: doc.id,
        title: `New ${label}: ${doc.title}`,
        body: `${actor.displayName} published a ${label} in ${group.name}`,
        url: documentRoute(doc.groupId, doc.id),
      })),
    );
    return { doc, actor, notifications };
  }

  announce(p: Publication): void {
    this.realtime.toGroup(p.doc.groupId, 'document:published', {
      documentId: p.doc.id,
      groupId: p.doc.groupId,
      kind: p.doc.kind,
      title: p.doc.title,
      publishedBy: p.actor.id,
      publishedAt: (p.doc.publishedInGroupAt ?? new Date()).toISOString(),
    });
    this.notifications.announce(p.notifications);
  }
}
