import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { RealtimePublisher } from '../realtime/realtime.publisher';

/** At most one `channel:activity` per group per this interval (the first one goes at once). */
export const ACTIVITY_INTERVAL_MS = 1_000;

/**
 * Unread badges for channels a member has not joined. Sent to the whole group, so one event
 * per message would cost (members × messages) deliveries — a 1,000-member group at 500 msg/s
 * would be half a million events a second. Instead each group gets one event carrying the
 * latest seq of every channel that moved: immediately when the group was quiet, then at most
 * once per interval. Clients count unread messages by seq, so nothing is lost by coalescing.
 */
@Injectable()
export class ChannelActivity implements OnModuleDestroy {
  /** groupId → channelId → latest seq not yet announced. */
  private readonly pending = new Map<string, Map<string, number>>();
  /** Groups inside their quiet interval after an announcement. */
  private readonly cooling = new Map<string, NodeJS.Timeout>();

  constructor(private readonly realtime: RealtimePublisher) {}

  note(groupId: string, channelId: string, seq: number): void {
    let channels = this.pending.get(groupId);
    if (!channels) this.pending.set(groupId, (channels = new Map()));
    channels.set(channelId, Math.max(seq, channels.get(channelId) ?? 0));
    if (!this.cooling.has(groupId)) this.announce(groupId);
  }

  private announce(groupId: string): void {
    const channels = this.pending.get(groupId);
    this.pending.delete(groupId);
    if (!channels) {
      this.cooling.delete(groupId); // quiet for a whole interval: the next note goes out at once
      return;
    }
    this.realtime.toGroup(groupId, 'channel:activity', {
      groupId,
      channels: [...channels].map(([channelId, lastSeq]) => ({ channelId, lastSeq })),
    });
    const timer = setTimeout(() => this.announce(groupId), ACTIVITY_INTERVAL_MS);
    timer.unref();
    this.cooling.set(groupId, timer);
  }

  onModuleDestroy(): void {
    for (const timer of this.cooling.values()) clearTimeout(timer);
    this.cooling.clear();
    this.pending.clear();
  }
}
