import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '../config/config';
import { AppError } from '../common/errors';
import { normaliseEmail } from '../users/email';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { toUserView, UserView } from '../users/user.view';
import { Actor } from './actor';
import { SESSION_REVOKED, SessionRevokedEvent } from './auth.events';
import { LoginThrottle } from './login-throttle';
import { decoyHash, verifyPassword } from './password';
import { Session } from './session.entity';
import { hashToken, newSessionToken } from './tokens';

export interface ClientInfo {
  address: string;
  userAgent: string | null;
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: UserView;
}

const BAD_CREDENTIALS = 'Wrong email or password';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly users: UsersService,
    private readonly throttle: LoginThrottle,
    private readonly config: AppConfig,
    private readonly events: EventEmitter2,
  ) {}

  async login(email: string, password: string, client: ClientInfo): Promise<LoginResult> {
    const check = normaliseEmail(email);
    // Unknown or malformed addresses are throttled under what was typed, so guessing is limited too.
    const account = check.ok ? check.email : email.trim().toLowerCase();
    await this.throttle.check(account, client.address);
    const user = check.ok ? await this.users.findForLogin(check.email) : null;
    const valid = user
      ? await verifyPassword(user.passwordHash, password)
      : await verifyPassword(await decoyHash(), password);
    if (!user || !valid || !user.active) {
      await this.throttle.recordFailure(account, client.address);
      throw new AppError(
        'unauthenticated',
        user && valid && !user.active ? 'This account is deactivated' : BAD_CREDENTIALS,
      );
    }
    await this.throttle.recordSuccess(account);
    const token = newSessionToken();
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3_600_000);
    await this.sessions.insert({
      tokenHash: hashToken(token),
      userId: user.id,
      expiresAt,
      revokedAt: null,
      userAgent: client.userAgent?.slice(0, 500) ?? null,
      address: client.address,
    });
    return { token, expiresAt, user: toUserView(user) };
  }

  /** Resolves a presented token to the acting person, or null when it is unknown, expired, revoked or deactivated. */
  async authenticate(token: string): Promise<Actor | null> {
    if (!token || token.length > 200) return null;
    const row = await this.sessions
      .createQueryBuilder('s')
      .innerJoin(User, 'u', 'u.id = s.user_id')
      .select(['s.id AS "sessionId"', 'u.id AS id', 'u.email AS email', 'u.display_name AS "displayName"'])
      .addSelect(['u.organisation_id AS "organisationId"', 'u.role AS role'])
      .where('s.token_hash = :hash', { hash: hashToken(token) })
      .andWhere('s.revoked_at IS NULL AND s.expires_at > now() AND u.active')
      .getRawOne<Actor>();
    return row ?? null;
  }

  async logout(actor: Actor): Promise<void> {
    await this.sessions.update({ id: actor.sessionId }, { revokedAt: new Date() });
    // Sockets opened with this session are disconnected by the realtime layer.
    this.events.emit(SESSION_REVOKED, { sessionId: actor.sessionId, userId: actor.id } satisfies SessionRevokedEvent);
  }
}
