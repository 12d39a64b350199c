import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../auth/actor';
import { hashPassword } from '../auth/password';
import { revokeSessions } from '../auth/sessions';
import { CacheBus } from '../cache/cache-bus';
import { DomainEvents } from '../domain-events/domain-events';
import { AppError, conflict, forbidden, invalid, notFound } from '../common/errors';
import { Organisation } from '../organisations/organisation.entity';
import { CreateUserDto, UpdateMeDto, UpdateUserDto } from './dto/user.dto';
import { normaliseEmail } from '../common/email';
import { User } from './user.entity';
import { managesPeople, visiblePeopleSql } from './user-access';
import { PersonView, toPersonView, toUserView, UserView } from './user.view';

export function requireEmail(input: string, field = 'email'): string {
  const check = normaliseEmail(input);
  if (!check.ok) throw invalid(field, check.reason);
  return check.email;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly events: DomainEvents,
    private readonly cache: CacheBus,
  ) {}

  /** The people the actor may see (user-access.ts), by name. */
  async list(actor: Actor): Promise<PersonView[]> {
    const users = await this.visibleTo(actor).orderBy('u.displayName', 'ASC').getMany();
    return users.map((u) => toPersonView(actor, u));
  }

  /** One person, if the actor may see them; 404 otherwise, exactly like someone who does not exist. */
  async get(actor: Actor, id: string): Promise<PersonView> {
    const user = await this.visibleTo(actor).andWhere('u.id = :id', { id }).getOne();
    if (!user) throw notFound('Person');
    return toPersonView(actor, user);
  }

  /** The actor themselves, in full (for /api/me). */
  async me(actor: Actor): Promise<UserView> {
    return toUserView(await this.load(actor.id));
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserView> {
    if (!managesPeople(actor)) throw forbidden('Only admins add people');
    const user = await this.insert(this.users.manager, dto);
    return toUserView(await this.load(user.id));
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
    if (!managesPeople(actor)) throw forbidden('Only admins change other people');
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
    const roleBefore = user.role;
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
        // Their after-commit handlers have run when the answer goes out: the sockets have changed.
        if (dto.active === false) await this.events.emit(m, 'user.deactivated', { userId: id });
        if (user.role !== roleBefore) await this.events.emit(m, 'user.roleChanged', { userId: id, role: user.role });
        if (password !== undefined) await this.events.emit(m, 'sessions.revoked', { userId: id, keptSessionId: null });
      },
      () => [{ kind: 'user', userId: id }],
    );
    return toUserView(await this.load(id));
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
        if (password !== undefined) {
          await revokeSessions(m, actor.id, actor.sessionId);
          await this.events.emit(m, 'sessions.revoked', { userId: actor.id, keptSessionId: actor.sessionId });
        }
      },
      () => [{ kind: 'user', userId: actor.id }],
    );
    return toUserView(await this.load(actor.id));
  }

  async exists(id: string): Promise<boolean> {
    return this.users.existsBy({ id });
  }

  private visibleTo(actor: Actor): SelectQueryBuilder<User> {
    const qb = this.users.createQueryBuilder('u').leftJoinAndSelect('u.organisation', 'organisation');
    const visible = visiblePeopleSql(actor, 'u');
    if (visible) qb.where(visible.sql, visible.params);
    return qb;
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
