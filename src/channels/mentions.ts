import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { Notification } from '../notifications/notification.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { Mention } from './mention.entity';
import { findMentions, MentionCandidate } from './message-rules';
import { messageUrl } from './message.mapper';
import { Message } from './message.entity';

/** What a mention needs to know about the channel it happened in. */
export interface MentionPlace {
  id: string;
  groupId: string;
  name: string;
}

const excerpt = (text: string): string => {
  const chars = Array.from(text);
  return chars.length > 280 ? `${chars.slice(0, 279).join('')}…` : text;
};

/** `@name` mentions of group members: finding them in a body, and storing them with their notifications. */
@Injectable()
export class Mentions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  /** Group members the body mentions, except the author (no query when there is no `@`). */
  async find(body: string, groupId: string, authorId: string): Promise<string[]> {
    if (!body.includes('@')) return [];
    const candidates = await this.dataSource.query<MentionCandidate[]>(
      `SELECT u.id AS "userId", u.display_name AS "displayName", u.email
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.group_id = $1 AND u.active`,
      [groupId],
    );
    return findMentions(body, candidates).filter((id) => id !== authorId);
  }

  /** Stores mentions and adds a notification for each newly mentioned member (inside the caller's transaction). */
  async record(
    manager: EntityManager,
    actor: Actor,
    channel: MentionPlace,
    message: Message,
    userIds: string[],
    alreadyNotified: Set<string> = new Set(),
  ): Promise<Notification[]> {
    if (userIds.length === 0) return [];
    await manager.insert(
      Mention,
      userIds.map((userId) => ({ messageId: message.id, userId, channelId: channel.id, seq: message.seq })),
    );
    const fresh = userIds.filter((id) => !alreadyNotified.has(id));
    return this.notifications.add(
      manager,
      fresh.map((userId) => ({
        userId,
        kind: 'mention',
        groupId: channel.groupId,
        subjectId: message.id,
        title: `${actor.displayName} mentioned you in #${channel.name}`,
        body: excerpt(message.body),
        url: messageUrl(message),
      })),
    );
  }
}
