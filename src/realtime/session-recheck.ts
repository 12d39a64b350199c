import { Injectable } from '@nestjs/common';
import { AuthService } from '../auth/auth.service';
import { AppError } from '../common/errors';
import { REALTIME_LIMITS } from './realtime.limits';
import type { AppSocket } from './socket';

/**
 * The periodic re-check of a socket's session. Revocation is pushed (revocation.ts); this is
 * the backstop for expiry and for a revocation event that was missed: an event that arrives
 * more than `sessionRecheckMs` after the last check looks the session up again first.
 */
@Injectable()
export class SessionRecheck {
  constructor(private readonly auth: AuthService) {}

  /** Refreshes `socket.data.actor` when due; a session that ended refuses the event and disconnects. */
  async ensureCurrent(socket: AppSocket): Promise<void> {
    if (!socket.data.recheck && Date.now() - socket.data.checkedAt <= REALTIME_LIMITS.sessionRecheckMs) return;
    // One lookup per socket and interval: the events that arrive meanwhile wait for the same answer.
    socket.data.recheck ??= this.auth.authenticate(socket.data.token).finally(() => {
      socket.data.recheck = undefined;
      socket.data.checkedAt = Date.now();
    });
    const actor = await socket.data.recheck;
    if (!actor) {
      socket.emit('session:ended', { reason: 'expired' });
      setImmediate(() => socket.disconnect(true));
      throw new AppError('unauthenticated', 'Your session has ended; sign in again');
    }
    socket.data.actor = actor;
  }
}
