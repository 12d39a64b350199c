/**
 * People as the API shows them: part of the contract the client imports (src/contract). Pure
 * (no entity, no Nest): the client's type check reads this file. `Date` fields travel as ISO
 * strings; the client reads them through `Json<…>`.
 */
import type { Actor, PlatformRole } from '../auth/actor';
import type { OrganisationKind } from '../organisations/organisation.view';
import { seesEmailOf } from './user-access';

export type { PlatformRole } from '../auth/actor';

export const LOCALES = ['en', 'es', 'eu'] as const;
export type Locale = (typeof LOCALES)[number];

/** A person as the API shows them: never the password hash. */
export interface UserView {
  id: string;
  email: string;
  displayName: string;
  organisationId: string | null;
  organisation: { id: string; name: string; shortName: string; kind: OrganisationKind } | null;
  locale: Locale;
  role: PlatformRole;
  active: boolean;
  createdAt: Date;
}

/** What `toUserView` reads: a `User` row with its organisation (typed here so this file stays entity-free). */
export type UserRow = Omit<UserView, 'organisation'> & {
  organisation?: { id: string; name: string; shortName: string; kind: OrganisationKind } | null;
};

export function toUserView(user: UserRow): UserView {
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

export function toPersonView(actor: Pick<Actor, 'id' | 'role'>, user: UserRow): PersonView {
  const view = toUserView(user);
  return { ...view, email: seesEmailOf(actor, user) ? view.email : null };
}
