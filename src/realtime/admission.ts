import { Injectable } from '@nestjs/common';
import { SESSION_COOKIE } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import { AppError } from '../common/errors';
import { toAppError } from '../common/error-mapping';
import { AppConfig } from '../config/config';
import { ArrivalOrder } from './arrival-order';
import { cookieValue, originAllowed, TokenBucket } from './handshake';
import { REALTIME_LIMITS } from './realtime.limits';
import type { AppSocket } from './socket';

type Next = (err?: Error) => void;

/**
 * Who may open a socket: the origin first (a page on another site must not ride on a
 * person's cookie), then the session token (auth.token or the session cookie). Runs as
 * socket.io middleware, before the connection exists and before any event is accepted.
 */
@Injectable()
export class Admission {
  constructor(
    private readonly config: AppConfig,
    private readonly auth: AuthService,
  ) {}

  /** The middleware: a refusal reaches the client's `connect_error` with its code in `data`. */
  readonly middleware = (socket: AppSocket, next: Next): void => {
    this.admit(socket).then(
      () => next(),
      (e: unknown) => {
        const error = toAppError(e);
        next(Object.assign(new Error(error.message), { data: { code: error.code } }));
      },
    );
  };

  /** Checks the handshake and gives the socket what the gateway keeps on it (SocketData). */
  private async admit(socket: AppSocket): Promise<void> {
    const { headers, auth } = socket.handshake;
    const origin = typeof headers.origin === 'string' ? headers.origin : undefined;
    if (!originAllowed(origin, headers.host, this.config.allowedOrigins)) {
      throw new AppError('forbidden', `Connections from origin ${origin} are not allowed`);
    }
    const fromAuth = typeof auth?.token === 'string' ? (auth.token as string) : null;
    const token = fromAuth ?? cookieValue(headers.cookie, SESSION_COOKIE);
    if (!token) throw new AppError('unauthenticated', 'Sign in first: send auth.token or the session cookie');
    const actor = await this.auth.authenticate(token);
    if (!actor) throw new AppError('unauthenticated', 'Your session has ended; sign in again');
    socket.data = {
      actor,
      token,
      checkedAt: Date.now(),
      bucket: new TokenBucket(REALTIME_LIMITS.socketBurst, REALTIME_LIMITS.socketPerSecond),
      arrival: new ArrivalOrder(),
    };
  }
}
