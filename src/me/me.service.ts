import { Injectable } from '@nestjs/common';
import { Actor } from '../auth/actor';
import { AuthService } from '../auth/auth.service';
import { BoundedCache } from '../cache/bounded-cache';
import { CacheBus } from '../cache/cache-bus';
import { GroupsService } from '../groups/groups.service';
import { UpdateMeDto } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import type { MeView } from './me.view';

/**
 * The signed-in person: profile plus the groups they belong to and their roles. Clients
 * fetch it on every start and focus, so it is cached per person and dropped when the
 * person, their organisation, one of their groups or a membership of it changes.
 */
@Injectable()
export class MeService {
  private readonly views: BoundedCache<string, MeView>;
  /** The JSON of a cached view, made once: serialising is most of what a cached read costs. */
  private readonly serialised = new WeakMap<MeView, string>();

  constructor(
    private readonly users: UsersService,
    private readonly groups: GroupsService,
    private readonly auth: AuthService,
    cache: CacheBus,
  ) {
    this.views = cache.cache({ maxEntries: 10_000, ttlMs: 60_000 });
    const inGroup = (groupId: string) => (view: MeView) => view.groups.some((g) => g.id === groupId);
    cache.subscribe((i) => {
      switch (i.kind) {
        case 'all':
          this.views.clear();
          break;
        case 'user':
          this.views.delete(i.userId);
          break;
        case 'organisation':
          this.views.deleteWhere((view) => view.user.organisationId === i.organisationId);
          break;
        case 'group':
          this.views.deleteWhere(inGroup(i.groupId));
          break;
        case 'membership':
          // The person's own list, and everyone else's member count of that group.
          this.views.delete(i.userId);
          this.views.deleteWhere(inGroup(i.groupId));
          break;
      }
    });
  }

  get(actor: Actor): Promise<MeView> {
    return this.views.getOrLoad(actor.id, async () => {
      const [user, groups] = await Promise.all([this.users.me(actor), this.groups.mine(actor)]);
      return { user, groups };
    });
  }

  /** The same as `get`, already serialised; synchronous when cached, which spares Nest an await. */
  json(actor: Actor): string | Promise<string> {
    const hit = this.views.get(actor.id);
    return hit ? this.serialise(hit) : this.get(actor).then((view) => this.serialise(view));
  }

  private serialise(view: MeView): string {
    let text = this.serialised.get(view);
    if (text === undefined) {
      text = JSON.stringify(view);
      this.serialised.set(view, text);
    }
    return text;
  }

  /** `address` is the client's, for the limit on guesses of `currentPassword`. */
  async update(actor: Actor, dto: UpdateMeDto, address: string): Promise<MeView> {
    const { currentPassword, ...changes } = dto;
    // Nothing changes unless the current password is proven first.
    if (changes.password !== undefined) await this.auth.confirmPassword(actor, currentPassword, address);
    await this.users.updateMe(actor, changes);
    return this.get(actor);
  }
}
