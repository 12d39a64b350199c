import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { DomainEvents } from '../domain-events/domain-events';
import { Mention } from './mention.entity';
import type { MessagePlace } from './message.events';
import { findMentions, MentionCandidate } from './message-rules';
import { Message } from './message.entity';

/** `@name` mentions of group members: finding them in a body, and storing them. */
@Injectable()
export class Mentions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Group members the body mentions, except the author (no query when there is no `@`), and the
   * names its mention tokens render with (the author's own included: a chip either way).
   */
  async find(
    body: string,
    groupId: string,
    authorId: string,
  ): Promise<{ userIds: string[]; names: Map<string, string> }> {
    if (!body.includes('@')) return { userIds: [], names: new Map() };
    const candidates = await this.dataSource.query<MentionCandidate[]>(
      `SELECT u.id AS "userId", u.display_name AS "displayName", u.email
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.group_id = $1 AND u.active`,
      [groupId],
    );
    const found = findMentions(body, candidates);
    const byId = new Map(candidates.map((c) => [c.userId, c.displayName]));
    return {
      userIds: found.filter((id) => id !== authorId),
      names: new Map(found.map((id) => [id, byId.get(id)!])),
    };
  }

  /**
   * Stores mentions (inside the caller's transaction) and tells of those not `alreadyMentioned`
   * (`message.mentioned`): whoever notifies people hears it there.
   */
  async record(
    manager: EntityManager,
    actor: Actor,
    channel: MessagePlace,
    message: Message,
    userIds: string[],
    alreadyMentioned: ReadonlySet<string> = new Set(),
  ): Promise<void> {
    if (userIds.length === 0) return;
    await manager.insert(
      Mention,
      userIds.map((userId) => ({ messageId: message.id, userId, channelId: channel.id, seq: message.seq })),
    );
    const fresh = userIds.filter((id) => !alreadyMentioned.has(id));
    if (fresh.length === 0) return;
    await this.events.emit(manager, 'message.mentioned', {
      author: { id: actor.id, displayName: actor.displayName },
      channel,
      message,
      userIds: fresh,
    });
  }
}
