import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { BoundedCache } from '../cache/bounded-cache';
import { CacheBus } from '../cache/cache-bus';
import { AppConfig } from '../config/config';
import { AppError, invalid } from '../common/errors';
import { normaliseEmail } from '../users/email';
import { UsersService } from '../users/users.service';
import { toUserView } from '../users/user.view';
import { Actor } from './actor';
import type { LoginResult } from './auth.view';
import { SESSION_REVOKED, SessionRevokedEvent } from './auth.events';
import { LoginThrottle } from './login-throttle';
import { checkPassword, decoyHash, hashPassword } from './password';
import { Session } from './session.entity';
import { hashToken, newSessionToken } from './tokens';

export interface ClientInfo {
  address: string;
  userAgent: string | null;
}

const BAD_CREDENTIALS = 'Wrong email or password';

/** A live session as cached: the actor, and when the session itself ends (ms since epoch). */
interface SessionEntry {
  actor: Actor;
  expiresAt: number;
}

/** Sessions are looked up on every request and socket event; see CacheBus for invalidation. */
const SESSION_CACHE = { maxEntries: 10_000, ttlMs: 60_000 };

@Injectable()
export class AuthService {
  private readonly logger = new Logger('auth');
  private readonly live: BoundedCache<string, SessionEntry | null>;

  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly users: UsersService,
    private readonly throttle: LoginThrottle,
    private readonly config: AppConfig,
    private readonly events: EventEmitter2,
    private readonly cache: CacheBus,
  ) {
    // Keyed by the token's hash; unknown tokens are not cached, so garbage cannot fill it.
    this.live = cache.cache<string, SessionEntry | null>({ ...SESSION_CACHE, expiresAt: (e) => e?.expiresAt ?? 0 });
    cache.subscribe((i) => {
      if (i.kind === 'all') this.live.clear();
      else if (i.kind === 'session') this.live.deleteWhere((e) => e?.actor.sessionId === i.sessionId);
      else if (i.kind === 'user') this.live.deleteWhere((e) => e?.actor.id === i.userId);
    });
  }

  async login(email: string, password: string, client: ClientInfo): Promise<LoginResult> {
    const check = normaliseEmail(email);
    // Unknown or malformed addresses are throttled under what was typed, so guessing is limited too.
    const account = check.ok ? check.email : email.trim().toLowerCase();
    // Counted before the password is checked, atomically, so parallel guesses cannot overtake the limit.
    await this.throttle.take(account, client.address);
    const user = check.ok ? await this.users.findForLogin(check.email) : null;
    const result = await checkPassword(user ? user.passwordHash : await decoyHash(), password);
    const valid = user !== null && result !== 'mismatch';
    if (!user || !valid || !user.active) {
      await this.throttle.failed();
      throw new AppError(
        'unauthenticated',
        user && valid && !user.active ? 'This account is deactivated' : BAD_CREDENTIALS,
      );
    }
    await this.throttle.succeeded(account);
    if (result === 'stale') await this.rehash(user.id, user.passwordHash, password);
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

  /**
   * Before the signed-in person sets a new password: `currentPassword` must be theirs. The
   * guesses count against the same limit as sign-ins, so a stolen session cannot be used to
   * find the password out. A wrong one answers 400 naming the field (not 401: the session is fine).
   */
  async confirmPassword(actor: Actor, currentPassword: string | undefined, address: string): Promise<void> {
    if (currentPassword === undefined) throw invalid('currentPassword', 'is required to change the password');
    await this.throttle.take(actor.email, address);
    const stored = await this.users.passwordHashOf(actor.id);
    if (!stored || (await checkPassword(stored, currentPassword)) === 'mismatch') {
      await this.throttle.failed();
      throw invalid('currentPassword', 'is not your current password');
    }
    await this.throttle.succeeded(actor.email);
  }

  /** The password was proven with a hash of its pre-NFC form: store its NFC hash, so any keyboard works from now on. */
  private async rehash(userId: string, staleHash: string, password: string): Promise<void> {
    try {
      await this.users.replaceStaleHash(userId, staleHash, await hashPassword(password));
    } catch (e) {
      // The old hash keeps working, so this sign-in need not fail; the next one tries again.
      this.logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'could not rehash a password');
    }
  }

  /** Resolves a presented token to the acting person, or null when it is unknown, expired, revoked or deactivated. */
  async authenticate(token: string): Promise<Actor | null> {
    if (!token || token.length > 200) return null;
    const hash = hashToken(token);
    const entry = this.live.get(hash) ?? (await this.live.getOrLoad(hash, () => this.lookup(hash)));
    // The cache never keeps an entry past the session's expiry; this says so here too.
    return entry && entry.expiresAt > Date.now() ? entry.actor : null;
  }

  /** The cached answer of `authenticate`, without waiting; undefined when it must be looked up. */
  cachedActor(token: string): Actor | undefined {
    if (!token || token.length > 200) return undefined;
    const entry = this.live.get(hashToken(token));
    return entry && entry.expiresAt > Date.now() ? entry.actor : undefined;
  }

  private async lookup(hash: string): Promise<SessionEntry | null> {
    const rows = (await this.sessions.query(
      `SELECT s.id AS "sessionId", s.expires_at AS "expiresAt", u.id, u.email, u.display_name AS "displayName",
              u.organisation_id AS "organisationId", u.role
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [hash],
    )) as Array<Actor & { expiresAt: Date }>;
    const row = rows[0];
    if (!row) return null;
    const { expiresAt, ...actor } = row;
    // Shared by every request on this session: frozen so no caller can change it for the others.
    return { actor: Object.freeze(actor), expiresAt: new Date(expiresAt).getTime() };
  }

  async logout(actor: Actor): Promise<void> {
    await this.cache.write(
      (m) => m.update(Session, { id: actor.sessionId }, { revokedAt: new Date() }),
      () => [{ kind: 'session', sessionId: actor.sessionId }],
    );
    // Sockets opened with this session are disconnected by the realtime layer.
    this.events.emit(SESSION_REVOKED, { sessionId: actor.sessionId, userId: actor.id } satisfies SessionRevokedEvent);
  }
}
