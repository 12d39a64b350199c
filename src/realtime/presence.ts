import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor } from '../auth/actor';
import { GroupsPolicy } from '../groups/groups.policy';
import { Membership } from '../groups/membership.entity';
import { SocketDispatcher } from './dispatcher';
import { PresenceRequestDto } from './dto/presence.dto';
import { rooms } from './events';
import { REALTIME_LIMITS } from './realtime.limits';
import { SharedState } from './shared-state';
import type { AppServer, AppSocket } from './socket';

/**
 * Who is online in a group: the group's members with at least one live socket on any
 * process. Liveness lives in SharedState (Redis with several processes), refreshed by a
 * heartbeat so that a process that dies stops counting; membership comes from the database,
 * so presence stays right when members are added or removed.
 */
@Injectable()
export class Presence implements OnModuleInit {
  private readonly logger = new Logger('presence');
  private io: AppServer | null = null;
  private state: SharedState | null = null;
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private heartbeat: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    private readonly policy: GroupsPolicy,
    private readonly dispatcher: SocketDispatcher,
  ) {}

  onModuleInit(): void {
    this.dispatcher.handle('presence:get', PresenceRequestDto, async (socket, { groupId }) => ({
      ack: { groupId, online: await this.get(socket.data.actor, groupId) },
    }));
  }

  /** Starts counting this process's sockets (the gateway calls it once the server is up). */
  attach(io: AppServer, state: SharedState): void {
    this.io = io;
    this.state = state;
    this.heartbeat = setInterval(() => void this.refresh(), REALTIME_LIMITS.presenceTtlMs / 3);
    this.heartbeat.unref();
  }

  /** At shutdown: this process's sockets stop counting as online now, not when their entries expire. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    const local = [...(this.io?.of('/').sockets.values() ?? [])];
    await Promise.all(local.map((s) => this.state?.remove(s.data.actor.id, s.id).catch(() => undefined)));
  }

  /** A new socket joins its member groups' rooms and counts as online in them. */
  async connected(socket: AppSocket): Promise<void> {
    const groupIds = await this.groupsOf(socket.data.actor.id);
    if (groupIds.length) await socket.join(groupIds.map(rooms.group));
    await this.state!.touch(socket.data.actor.id, socket.id, REALTIME_LIMITS.presenceTtlMs);
    for (const id of groupIds) this.schedule(id);
  }

  async disconnected(socket: AppSocket): Promise<void> {
    if (this.stopped) return; // shutting down: stop() has removed them all at once
    try {
      await this.state!.remove(socket.data.actor.id, socket.id);
      for (const id of await this.groupsOf(socket.data.actor.id)) this.schedule(id);
    } catch (e) {
      this.logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'presence update failed');
    }
  }

  async groupChanged(groupId: string): Promise<void> {
    this.schedule(groupId);
  }

  /** For `presence:get`: the caller must be able to read the group. */
  async get(actor: Actor, groupId: string): Promise<string[]> {
    await this.policy.require(actor, groupId, 'read');
    return this.online(groupId);
  }

  async online(groupId: string): Promise<string[]> {
    const members = await this.memberships.find({ where: { groupId }, select: { userId: true } });
    return (await this.state!.onlineAmong(members.map((m) => m.userId))).sort();
  }

  /** Keeps this process's sockets alive in SharedState (entries expire after presenceTtlMs). */
  private async refresh(): Promise<void> {
    if (!this.io || this.stopped) return;
    await Promise.all(
      [...this.io.of('/').sockets.values()].map((s) =>
        this.state!.touch(s.data.actor.id, s.id, REALTIME_LIMITS.presenceTtlMs),
      ),
    ).catch((e: unknown) => this.logger.warn({ err: String(e) }, 'presence refresh failed'));
  }

  private async groupsOf(userId: string): Promise<string[]> {
    const rows = await this.memberships.find({ where: { userId }, select: { groupId: true } });
    return rows.map((r) => r.groupId);
  }

  /** Coalesces bursts (many sockets connecting at once) into one broadcast per group. */
  private schedule(groupId: string): void {
    if (this.pending.has(groupId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(groupId);
      this.online(groupId).then(
        (online) => this.io?.to(rooms.groupAudience(groupId)).emit('presence', { groupId, online }),
        (e: unknown) => this.logger.warn({ err: String(e) }, 'presence broadcast failed'),
      );
    }, REALTIME_LIMITS.presenceDebounceMs);
    timer.unref();
    this.pending.set(groupId, timer);
  }
}
