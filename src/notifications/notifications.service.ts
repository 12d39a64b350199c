import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { Actor } from '../auth/actor';
import type { NotificationPayload } from '../realtime/events';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import { Notification } from './notification.entity';

export type NewNotification = Pick<Notification, 'userId' | 'kind' | 'title'> &
  Partial<Pick<Notification, 'groupId' | 'subjectId' | 'body' | 'url'>>;

export interface NotificationList {
  items: NotificationPayload[];
  unreadCount: number;
}

export function toPayload(n: Notification): NotificationPayload {
  return {
    id: n.id,
    kind: n.kind,
    groupId: n.groupId,
    subjectId: n.subjectId,
    title: n.title,
    body: n.body,
    url: n.url,
    createdAt: n.createdAt.toISOString(),
  };
}

/**
 * Stored in-app notifications. Features add them inside their own write transaction
 * (`add`), then, once committed, `announce` pushes `notification:new` to whoever is online.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly realtime: RealtimePublisher,
  ) {}

  async add(manager: EntityManager, items: NewNotification[]): Promise<Notification[]> {
    if (items.length === 0) return [];
    const rows = items.map((i) =>
      manager.create(Notification, { groupId: null, subjectId: null, body: '', url: null, readAt: null, ...i }),
    );
    return manager.save(Notification, rows, { chunk: 200 });
  }

  /** Call after the transaction that added them has committed. */
  announce(created: Notification[]): void {
    for (const n of created) this.realtime.toUser(n.userId, 'notification:new', toPayload(n));
  }

  async list(actor: Actor, opts: { unread?: boolean; limit?: number }): Promise<NotificationList> {
    const [items, unreadCount] = await Promise.all([
      this.notifications.find({
        where: { userId: actor.id, ...(opts.unread ? { readAt: IsNull() } : {}) },
        order: { createdAt: 'DESC' },
        take: opts.limit ?? 50,
      }),
      this.notifications.countBy({ userId: actor.id, readAt: IsNull() }),
    ]);
    return { items: items.map(toPayload), unreadCount };
  }

  /** Marks the given notifications (or all) read; other people's ids are ignored. */
  async markRead(actor: Actor, ids?: string[]): Promise<{ unreadCount: number }> {
    await this.notifications.update(
      { userId: actor.id, readAt: IsNull(), ...(ids ? { id: In(ids) } : {}) },
      { readAt: new Date() },
    );
    return { unreadCount: await this.notifications.countBy({ userId: actor.id, readAt: IsNull() }) };
  }
}
