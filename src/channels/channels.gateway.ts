import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { UserRoleChanged } from '../auth/auth.events';
import { DomainEvents } from '../domain-events/domain-events';
import type { MembershipChanged } from '../groups/group.events';
import { rooms } from '../realtime/events';
import type { Turn } from '../realtime/arrival-order';
import type { HandlerResult } from '../realtime/dispatcher';
import { RealtimeGateway } from '../realtime/realtime.gateway';
import type { AppSocket } from '../realtime/socket';
import { REALTIME_LIMITS } from '../realtime/realtime.limits';
import { ChannelActivity } from './channel-activity';
import type { ChannelJoinResult, ReadResult, TypingResult } from './channel.view';
import { ChannelsService } from './channels.service';
import { ChannelJoinDto, ChannelRefDto, ReadDto } from './dto/channel-events.dto';
import {
  MessageEditDto,
  MessagePinDto,
  MessageRefDto,
  MessageSendDto,
  ReactionToggleDto,
} from './dto/message-events.dto';
import type { MessageResult, MessageView, ReactionResult } from './message.view';
import { MessagesService, WriteResult } from './messages.service';
import { TimelineService } from './timeline.service';

/**
 * The channel events of the one socket.io server. Each payload has passed its DTO
 * (dto/channel-events.dto.ts, dto/message-events.dto.ts) before a handler runs. Every handler
 * checks GroupsPolicy again (through ChannelsService/MessagesService), persists, and only then
 * is the ack sent; the broadcast runs after the ack (`after`), so the sender always learns its
 * seq first.
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
    on('channel:join', ChannelJoinDto, (s, p) => this.join(s, p));
    on('channel:leave', ChannelRefDto, async (s, { channelId }) => {
      await s.leave(rooms.channel(channelId));
      return { ack: {} };
    });
    // In order: one person's quick successive sends take seqs in the order they were sent.
    on('message:send', MessageSendDto, (s, p, turn) => this.send(s, p, turn), { inOrder: true });
    on('message:edit', MessageEditDto, async (s, p) =>
      this.broadcastWrite(s, await this.messages.edit(s.data.actor, p.messageId, p.body)),
    );
    on('message:delete', MessageRefDto, async (s, p) =>
      this.broadcastWrite(s, await this.messages.remove(s.data.actor, p.messageId), true),
    );
    on('message:pin', MessagePinDto, async (s, p) =>
      this.broadcastWrite(s, await this.messages.pin(s.data.actor, p.messageId, p.pinned)),
    );
    on('reaction:toggle', ReactionToggleDto, (s, p) => this.react(s, p));
    on('typing', ChannelRefDto, (s, p) => this.typing(s, p));
    on('read', ReadDto, (s, p) => this.read(s, p));
  }

  private async join(
    socket: AppSocket,
    { channelId, afterSeq }: ChannelJoinDto,
  ): Promise<HandlerResult<ChannelJoinResult>> {
    const { channel } = await this.channels.require(socket.data.actor, channelId, 'read');
    // Join before reading: whatever commits after the read is broadcast to us, so nothing
    // falls between the two. Clients drop what they already have by seq.
    await socket.join(rooms.channel(channelId));
    if (afterSeq === undefined || afterSeq === null) {
      return { ack: { channelId, missed: [], lastSeq: Number(channel.lastSeq), hasMore: false } };
    }
    const page = await this.timeline.missed(channelId, afterSeq, REALTIME_LIMITS.joinMissedMax);
    return { ack: { channelId, missed: page.messages, lastSeq: page.lastSeq, hasMore: page.hasMore } };
  }

  private async send(socket: AppSocket, payload: MessageSendDto, turn: Turn): Promise<HandlerResult<MessageResult>> {
    const result = await this.messages.send(
      socket.data.actor,
      {
        channelId: payload.channelId,
        body: payload.body,
        parentId: payload.parentId ?? null,
        clientMsgId: payload.clientMsgId,
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

  private broadcastWrite(socket: AppSocket, result: WriteResult, deleted = false): HandlerResult<MessageResult> {
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

  private async react(socket: AppSocket, payload: ReactionToggleDto): Promise<HandlerResult<ReactionResult>> {
    const { message, reactions } = await this.timeline.toggleReaction(
      socket.data.actor,
      payload.messageId,
      payload.emoji,
    );
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
  private async typing(socket: AppSocket, { channelId }: ChannelRefDto): Promise<HandlerResult<TypingResult>> {
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

  private async read(socket: AppSocket, { channelId, seq }: ReadDto): Promise<HandlerResult<ReadResult>> {
    const lastReadSeq = await this.timeline.markRead(socket.data.actor, channelId, seq);
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
