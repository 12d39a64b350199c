import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, Not } from 'typeorm';
import type { MessageMentioned } from '../channels/message.events';
import { messageUrl } from '../channels/message.mapper';
import type { DocumentPublished } from '../documents/document.events';
import { Document } from '../documents/document.entity';
import { documentRoute } from '../documents/rules';
import { DomainEvents } from '../domain-events/domain-events';
import { Membership } from '../groups/membership.entity';
import { mentionsAsText } from '../markdown/mentions';
import { WorkingGroup } from '../groups/working-group.entity';
import { NotificationsService } from './notifications.service';

const LABEL: Record<Document['kind'], string> = {
  page: 'page',
  ci_note: 'CI note',
  meeting_summary: 'meeting summary',
  resource: 'resource',
};

const excerpt = (text: string): string => {
  const chars = Array.from(text);
  return chars.length > 280 ? `${chars.slice(0, 279).join('')}…` : text;
};

/**
 * What people are notified of, as the features announce it on the domain-event map: stored
 * in the transaction of the change (so people offline see it later); pushed once committed.
 * The features that publish know nothing of notifications.
 */
@Injectable()
export class NotificationTriggers implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.events.onInTransaction('message.mentioned', (e, manager) => this.mentioned(manager, e));
    this.events.onInTransaction('document.published', (e, manager) => this.published(manager, e));
  }

  private async mentioned(
    manager: EntityManager,
    { author, channel, message, userIds }: MessageMentioned,
  ): Promise<void> {
    await this.notifications.add(
      manager,
      userIds.map((userId) => ({
        userId,
        kind: 'mention',
        groupId: channel.groupId,
        subjectId: message.id,
        title: `${author.displayName} mentioned you in #${channel.name}`,
        body: excerpt(mentionsAsText(message.body)),
        url: messageUrl(message),
      })),
    );
  }

  /** Every member and observer of the group but the publisher. */
  private async published(manager: EntityManager, { doc, actor }: DocumentPublished): Promise<void> {
    const [group, members] = await Promise.all([
      manager.findOneOrFail(WorkingGroup, { where: { id: doc.groupId }, select: { id: true, name: true } }),
      manager.find(Membership, { where: { groupId: doc.groupId, userId: Not(actor.id) }, select: { userId: true } }),
    ]);
    const label = LABEL[doc.kind];
    await this.notifications.add(
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
  }
}
