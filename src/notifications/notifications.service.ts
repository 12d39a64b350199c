import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, IsNull, Repository, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../auth/actor';
import { DomainEvents } from '../domain-events/domain-events';
import { GroupsPolicy } from '../groups/groups.policy';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import { Notification } from './notification.entity';
import type { NotificationList, NotificationsReadResult, NotificationView } from './notification.view';

export type NewNotification = Pick<Notification, 'userId' | 'kind' | 'title'> &
  Partial<Pick<Notification, 'groupId' | 'subjectId' | 'body' | 'url'>>;

export function toPayload(n: Notification): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    groupId: n.groupId,
    subjectId: n.subjectId,
    title: n.title,
    body: n.body,
    url: n.url,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}

/**
 * Stored in-app notifications, added inside the transaction of what they tell of (see
 * NotificationTriggers); once committed, `notification:new` goes to whoever is online.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly realtime: RealtimePublisher,
    private readonly policy: GroupsPolicy,
    private readonly events: DomainEvents,
  ) {}

  /** Stores notifications inside the caller's transaction; each is pushed to its person once committed. */
  async add(manager: EntityManager, items: NewNotification[]): Promise<void> {
    if (items.length === 0) return;
    const rows = items.map((i) =>
      manager.create(Notification, { groupId: null, subjectId: null, body: '', url: null, readAt: null, ...i }),
    );
    const created = await manager.save(Notification, rows, { chunk: 200 });
    await this.events.emit(manager, 'notifications.added', created);
  }

  onModuleInit(): void {
    this.events.onAfterCommit('notifications.added', (created) => {
      for (const n of created) this.realtime.toUser(n.userId, 'notification:new', toPayload(n));
    });
  }

  /**
   * The actor's notifications about groups they may still read: one about a group they left,
   * were removed from or that turned private names its content (a message excerpt, a title),
   * so it passes the same rule as that content and is left out (and not counted) meanwhile.
   */
  async list(actor: Actor, opts: { unread?: boolean; limit?: number }): Promise<NotificationList> {
    const mine = await this.scope(actor);
    const list = mine()
      .orderBy('n.created_at', 'DESC')
      .take(opts.limit ?? 50);
    if (opts.unread) list.andWhere('n.read_at IS NULL');
    const [items, unreadCount] = await Promise.all([list.getMany(), mine().andWhere('n.read_at IS NULL').getCount()]);
    return { items: items.map(toPayload), unreadCount };
  }

  /** A query of the actor's notifications that `list` shows (see there), fresh on each call. */
  private async scope(actor: Actor): Promise<() => SelectQueryBuilder<Notification>> {
    const readable = await this.policy.readableScope(actor);
    return () => {
      const qb = this.notifications.createQueryBuilder('n').where('n.user_id = :me', { me: actor.id });
      if (readable !== null) {
        qb.andWhere(
          new Brackets((w) => {
            w.where('n.group_id IS NULL');
            if (readable.length) w.orWhere('n.group_id IN (:...readable)', { readable });
          }),
        );
      }
      return qb;
    };
  }

  /** Marks the given notifications (or all) read; other people's ids are ignored. */
  async markRead(actor: Actor, ids?: string[]): Promise<NotificationsReadResult> {
    await this.notifications.update(
      { userId: actor.id, readAt: IsNull(), ...(ids ? { id: In(ids) } : {}) },
      { readAt: new Date() },
    );
    // Counted as `list` counts, so the bell shows the same number before and after a reload.
    const mine = await this.scope(actor);
    return { unreadCount: await mine().andWhere('n.read_at IS NULL').getCount() };
  }
}
