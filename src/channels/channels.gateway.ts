import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { UserRoleChanged } from '../auth/auth.events';
import { DomainEvents } from '../domain-events/domain-events';
import type { MembershipChanged } from '../groups/group.events';
import { rooms } from '../realtime/events';
import type { MessageView } from './message.view';
import { bool, object, optionalSeq, optionalUuid, seq, uuid } from '../realtime/payload';
import type { Turn } from '../realtime/arrival-order';
import { HandlerResult, RealtimeGateway } from '../realtime/realtime.gateway';
import type { AppSocket } from '../realtime/socket';
import { REALTIME_LIMITS } from '../realtime/realtime.limits';
import { ChannelActivity } from './channel-activity';
import { ChannelsService } from './channels.service';
import { MessagesService, WriteResult } from './messages.service';
import { TimelineService } from './timeline.service';

/**
 * The channel events of the one socket.io server. Every handler checks GroupsPolicy again
 * (through ChannelsService/MessagesService), persists, and only then is the ack sent; the
 * broadcast runs after the ack (`after`), so the sender always learns its seq first.
 */
@Injectable()
export class ChannelsGateway implements OnModuleInit {
  private readonly logger = new Logger('channels');
  private readonly lastTyping = new WeakMap<AppSocket, Map<string, number>>();

  constructor(
    private readonly realtime: RealtimeGateway,
    private readonly channels: ChannelsService,
    private readonly messages: MessagesService,
    private readonly timeline: TimelineService,
    private readonly activity: ChannelActivity,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.events.onAfterCommit('membership.changed', (e) => this.onMembershipChanged(e));
    this.events.onAfterCommit('user.roleChanged', (e) => this.onUserRoleChanged(e));
    const on = this.realtime.handle.bind(this.realtime);
    on('channel:join', (s, p) => this.join(s, p));
    on('channel:leave', async (s, p) => {
      const channelId = uuid(object(p, ['channelId']), 'channelId');
      await s.leave(rooms.channel(channelId));
      return { ack: {} };
    });
    // In order: one person's quick successive sends take seqs in the order they were sent.
    on('message:send', (s, p, turn) => this.send(s, p, turn), { inOrder: true });
    on('message:edit', async (s, p) => {
      const f = object(p, ['messageId', 'body']);
      return this.broadcastWrite(s, await this.messages.edit(s.data.actor, uuid(f, 'messageId'), f.body));
    });
    on('message:delete', async (s, p) => {
      const f = object(p, ['messageId']);
      return this.broadcastWrite(s, await this.messages.remove(s.data.actor, uuid(f, 'messageId')), true);
    });
    on('message:pin', async (s, p) => {
      const f = object(p, ['messageId', 'pinned']);
      return this.broadcastWrite(s, await this.messages.pin(s.data.actor, uuid(f, 'messageId'), bool(f, 'pinned')));
    });
    on('reaction:toggle', (s, p) => this.react(s, p));
    on('typing', (s, p) => this.typing(s, p));
    on('read', (s, p) => this.read(s, p));
  }

  private async join(socket: AppSocket, payload: unknown): Promise<HandlerResult> {
    const f = object(payload, ['channelId', 'afterSeq']);
    const channelId = uuid(f, 'channelId');
    const afterSeq = optionalSeq(f, 'afterSeq');
    const { channel } = await this.channels.require(socket.data.actor, channelId, 'read');
    // Join before reading: whatever commits after the read is broadcast to us, so nothing
    // falls between the two. Clients drop what they already have by seq.
    await socket.join(rooms.channel(channelId));
    if (afterSeq === null) {
      return { ack: { channelId, missed: [], lastSeq: Number(channel.lastSeq), hasMore: false } };
    }
    const page = await this.timeline.missed(channelId, afterSeq, REALTIME_LIMITS.joinMissedMax);
    return { ack: { channelId, missed: page.messages, lastSeq: page.lastSeq, hasMore: page.hasMore } };
  }

  private async send(socket: AppSocket, payload: unknown, turn: Turn): Promise<HandlerResult> {
    const f = object(payload, ['channelId', 'body', 'parentId', 'clientMsgId']);
    const result = await this.messages.send(
      socket.data.actor,
      {
        channelId: uuid(f, 'channelId'),
        body: f.body as string,
        parentId: optionalUuid(f, 'parentId'),
        clientMsgId: uuid(f, 'clientMsgId'),
      },
      turn,
    );
    const { message } = result;
    return {
      ack: { message },
      after: () => {
        if (!result.created) return; // a resend: the original was broadcast, or is caught up from Postgres
        const io = this.realtime.server;
        socket.to(rooms.channel(message.channelId)).emit('message:new', message);
        for (const changed of result.changed) io.to(rooms.channel(changed.channelId)).emit('message:updated', changed);
        this.activity.note(message.groupId, message.channelId, message.seq);
      },
    };
  }

  private broadcastWrite(socket: AppSocket, result: WriteResult, deleted = false): HandlerResult {
    const { message } = result;
    return {
      ack: { message },
      after: () => {
        const room = rooms.channel(message.channelId);
        if (deleted) {
          socket.to(room).emit('message:deleted', {
            messageId: message.id,
            channelId: message.channelId,
            seq: message.seq,
            message,
          });
        } else {
          socket.to(room).emit('message:updated', message);
        }
        this.emitChanged(result.changed);
      },
    };
  }

  private emitChanged(changed: MessageView[]): void {
    for (const m of changed) this.realtime.server.to(rooms.channel(m.channelId)).emit('message:updated', m);
  }

  private async react(socket: AppSocket, payload: unknown): Promise<HandlerResult> {
    const f = object(payload, ['messageId', 'emoji']);
    const { message, reactions } = await this.timeline.toggleReaction(socket.data.actor, uuid(f, 'messageId'), f.emoji);
    return {
      ack: { messageId: message.id, reactions },
      after: () => {
        socket
          .to(rooms.channel(message.channelId))
          .emit('reaction:updated', { messageId: message.id, channelId: message.channelId, reactions });
      },
    };
  }

  /** Relayed at most once per interval per socket and channel; never stored. */
  private async typing(socket: AppSocket, payload: unknown): Promise<HandlerResult> {
    const channelId = uuid(object(payload, ['channelId']), 'channelId');
    let mine = this.lastTyping.get(socket);
    if (!mine) this.lastTyping.set(socket, (mine = new Map()));
    const now = Date.now();
    if (now - (mine.get(channelId) ?? 0) < REALTIME_LIMITS.typingIntervalMs) return { ack: { relayed: false } };
    const { actor } = socket.data;
    await this.channels.require(actor, channelId, 'contribute');
    mine.set(channelId, now);
    return {
      ack: { relayed: true },
      after: () => {
        socket
          .to(rooms.channel(channelId))
          .emit('typing', { channelId, userId: actor.id, displayName: actor.displayName });
      },
    };
  }

  private async read(socket: AppSocket, payload: unknown): Promise<HandlerResult> {
    const f = object(payload, ['channelId', 'seq']);
    const channelId = uuid(f, 'channelId');
    const lastReadSeq = await this.timeline.markRead(socket.data.actor, channelId, seq(f, 'seq'));
    return {
      ack: { channelId, lastReadSeq },
      after: () => {
        this.realtime.server.to(rooms.user(socket.data.actor.id)).emit('channel:read', { channelId, lastReadSeq });
      },
    };
  }

  /** A removed member's sockets leave the group's channel rooms at once, on every process. */
  private async onMembershipChanged(event: MembershipChanged): Promise<void> {
    if (event.role !== null) return;
    try {
      const channelIds = await this.channels.idsOfGroup(event.groupId);
      if (channelIds.length)
        this.realtime.server.in(rooms.user(event.userId)).socketsLeave(channelIds.map(rooms.channel));
    } catch (e) {
      // The membership change is committed; failing it now would only hide that.
      this.logger.error({ err: e instanceof Error ? e.stack : String(e) }, 'could not revoke channel rooms');
    }
  }

  /** A former admin's sockets leave the channel rooms of groups they may no longer read. */
  private async onUserRoleChanged(event: UserRoleChanged): Promise<void> {
    try {
      const channelIds = await this.channels.idsHiddenFrom({ id: event.userId, role: event.role });
      if (channelIds.length)
        this.realtime.server.in(rooms.user(event.userId)).socketsLeave(channelIds.map(rooms.channel));
    } catch (e) {
      this.logger.error({ err: e instanceof Error ? e.stack : String(e) }, 'could not revoke channel rooms');
    }
  }
}
