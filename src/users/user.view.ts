import type { Actor } from '../auth/actor';
import type { Organisation } from '../organisations/organisation.entity';
import type { PlatformRole } from '../auth/actor';
import { seesEmailOf } from './user-access';
import type { Locale, User } from './user.entity';

/** A person as the API shows them: never the password hash. */
export interface UserView {
  id: string;
  email: string;
  displayName: string;
  organisationId: string | null;
  organisation: { id: string; name: string; shortName: string; kind: Organisation['kind'] } | null;
  locale: Locale;
  role: PlatformRole;
  active: boolean;
  createdAt: Date;
}

export function toUserView(user: User): UserView {
  const o = user.organisation;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    organisationId: user.organisationId,
    organisation: o ? { id: o.id, name: o.name, shortName: o.shortName, kind: o.kind } : null,
    locale: user.locale,
    role: user.role,
    active: user.active,
    createdAt: user.createdAt,
  };
}

/** A person as `GET /api/users` shows them to someone who may see them (user-access.ts). */
export interface PersonView extends Omit<UserView, 'email'> {
  /** Null unless the reader may see it: admins see everyone's, others their own. */
  email: string | null;
}

export function toPersonView(actor: Actor, user: User): PersonView {
  const view = toUserView(user);
  return { ...view, email: seesEmailOf(actor, user) ? view.email : null };
}
