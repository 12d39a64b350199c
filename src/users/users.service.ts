import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Actor, isAdmin } from '../auth/actor';
import { SESSIONS_REVOKED, SessionsRevokedEvent, USER_DEACTIVATED, UserDeactivatedEvent } from '../auth/auth.events';
import { hashPassword } from '../auth/password';
import { revokeSessions } from '../auth/sessions';
import { CacheBus } from '../cache/cache-bus';
import { AppError, conflict, forbidden, invalid, notFound } from '../common/errors';
import { Organisation } from '../organisations/organisation.entity';
import { CreateUserDto, UpdateMeDto, UpdateUserDto } from './dto/user.dto';
import { normaliseEmail } from './email';
import { User } from './user.entity';
import { toUserView, UserView } from './user.view';

export function requireEmail(input: string, field = 'email'): string {
  const check = normaliseEmail(input);
  if (!check.ok) throw invalid(field, check.reason);
  return check.email;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly events: EventEmitter2,
    private readonly cache: CacheBus,
  ) {}

  async list(_actor: Actor): Promise<UserView[]> {
    const users = await this.users.find({ relations: { organisation: true }, order: { displayName: 'ASC' } });
    return users.map(toUserView);
  }

  async get(_actor: Actor, id: string): Promise<UserView> {
    return toUserView(await this.load(id));
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserView> {
    if (!isAdmin(actor)) throw forbidden('Only admins add people');
    const user = await this.insert(this.users.manager, dto);
    return this.get(actor, user.id);
  }

  /**
   * Also used by the admin bootstrap and the demo seed, inside their own transactions. The
   * demo gives everyone the same password: it hashes it once and passes `passwordHash`.
   */
  async insert(manager: EntityManager, dto: CreateUserDto, passwordHash?: string): Promise<User> {
    const email = requireEmail(dto.email);
    if (await manager.existsBy(User, { email })) {
      throw conflict('Someone already has this email address', [{ field: 'email', reason: 'taken' }]);
    }
    if (dto.organisationId) await this.assertOrganisation(manager, dto.organisationId);
    return manager.save(
      manager.create(User, {
        email,
        displayName: dto.displayName,
        organisationId: dto.organisationId ?? null,
        locale: dto.locale ?? 'en',
        role: dto.role ?? 'member',
        active: true,
        passwordHash: passwordHash ?? (await hashPassword(dto.password)),
      }),
    );
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserView> {
    if (!isAdmin(actor)) throw forbidden('Only admins change other people');
    if (id === actor.id && (dto.active === false || dto.role === 'member')) {
      throw new AppError('validation_failed', 'You cannot deactivate or demote yourself', [
        { field: dto.active === false ? 'active' : 'role', reason: 'would lock you out' },
      ]);
    }
    // Here an admin needs no current password, so their own goes through PATCH /api/me, which asks for it.
    if (id === actor.id && dto.password !== undefined) {
      throw invalid('password', 'change your own password with PATCH /api/me, giving currentPassword');
    }
    const user = await this.load(id);
    if (dto.organisationId) await this.assertOrganisation(this.users.manager, dto.organisationId);
    const { password, ...rest } = dto;
    Object.assign(user, rest);
    // The loaded relation would win over the new column value when saving: drop it.
    if (dto.organisationId !== undefined) delete user.organisation;
    if (password !== undefined) user.passwordHash = await hashPassword(password);
    // Sessions (active, role, name, organisation) and /me of this person change at once.
    await this.cache.write(
      async (m) => {
        await m.save(user);
        // An admin's reset: whoever holds any of the person's sessions is signed out.
        if (password !== undefined) await revokeSessions(m, id, null);
      },
      () => [{ kind: 'user', userId: id }],
    );
    if (dto.active === false) this.events.emit(USER_DEACTIVATED, { userId: id } satisfies UserDeactivatedEvent);
    if (password !== undefined) {
      this.events.emit(SESSIONS_REVOKED, { userId: id, keptSessionId: null } satisfies SessionsRevokedEvent);
    }
    return this.get(actor, id);
  }

  /** The caller has checked `currentPassword` (AuthService.confirmPassword) when `password` is set. */
  async updateMe(actor: Actor, dto: Omit<UpdateMeDto, 'currentPassword'>): Promise<UserView> {
    const user = await this.load(actor.id);
    const { password, ...rest } = dto;
    Object.assign(user, rest);
    if (password !== undefined) user.passwordHash = await hashPassword(password);
    await this.cache.write(
      async (m) => {
        await m.save(user);
        // A password change ends every other session: one opened with the old password is not trusted.
        if (password !== undefined) await revokeSessions(m, actor.id, actor.sessionId);
      },
      () => [{ kind: 'user', userId: actor.id }],
    );
    if (password !== undefined) {
      this.events.emit(SESSIONS_REVOKED, {
        userId: actor.id,
        keptSessionId: actor.sessionId,
      } satisfies SessionsRevokedEvent);
    }
    return this.get(actor, actor.id);
  }

  async exists(id: string): Promise<boolean> {
    return this.users.existsBy({ id });
  }

  /** For sign-in only: the one read that includes the password hash. */
  findForLogin(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .leftJoinAndSelect('u.organisation', 'organisation')
      .where('u.email = :email', { email })
      .getOne();
  }

  /** For checking a password change: the person's stored hash, or null when there is no such person. */
  async passwordHashOf(id: string): Promise<string | null> {
    const user = await this.users.findOne({ where: { id }, select: { id: true, passwordHash: true } });
    return user?.passwordHash ?? null;
  }

  /**
   * Replaces a hash made before passwords were normalised (see auth/password.ts), once a
   * sign-in has proven the password. Only if it is still that hash: a password change made
   * meanwhile wins.
   */
  async replaceStaleHash(id: string, staleHash: string, freshHash: string): Promise<void> {
    await this.users.query('UPDATE users SET password_hash = $1 WHERE id = $2 AND password_hash = $3', [
      freshHash,
      id,
      staleHash,
    ]);
  }

  private async load(id: string): Promise<User> {
    const user = await this.users.findOne({ where: { id }, relations: { organisation: true } });
    if (!user) throw notFound('Person');
    return user;
  }

  private async assertOrganisation(manager: EntityManager, id: string): Promise<void> {
    if (!(await manager.existsBy(Organisation, { id }))) throw invalid('organisationId', 'no such organisation');
  }
}
