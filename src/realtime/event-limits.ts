import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors';
import { tooDeep, valueTooDeep } from '../common/json-body';
import { LIMITS } from '../common/limits';
import { payloadBytes } from './handshake';
import { REALTIME_LIMITS } from './realtime.limits';
import { SharedState } from './shared-state';
import type { AppSocket } from './socket';

/**
 * The limits every event passes before its payload is read: nesting and size first (cheap,
 * and before anything that recurses), then the socket's token bucket, then the person's
 * count across all their sockets and processes (SharedState, Redis with several processes).
 */
@Injectable()
export class EventLimits {
  private state: SharedState | null = null;

  /** The shared counters, opened by the gateway at start-up. */
  attach(state: SharedState): void {
    this.state = state;
  }

  checkPayload(payload: unknown): void {
    // Before anything that recurses (payloadBytes stringifies): the same depth limit as HTTP bodies.
    if (valueTooDeep(payload, LIMITS.jsonDepth)) throw tooDeep('payload');
    if (payloadBytes(payload) > REALTIME_LIMITS.maxEventBytes) {
      throw new AppError('payload_too_large', `An event may carry at most ${REALTIME_LIMITS.maxEventBytes} bytes`);
    }
  }

  async checkRate(socket: AppSocket): Promise<void> {
    if (!socket.data.bucket.take()) {
      throw new AppError('rate_limited', 'Too many events from this connection; slow down');
    }
    const count = await this.state!.hit(`user:${socket.data.actor.id}`, REALTIME_LIMITS.userWindowMs);
    if (count > REALTIME_LIMITS.userPerWindow) {
      throw new AppError('rate_limited', 'Too many events from your account; slow down');
    }
  }
}
