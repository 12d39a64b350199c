/**
 * People as the API shows them: part of the contract the client imports (src/contract). Pure
 * (no entity, no Nest): the client's type check reads this file. `Date` fields travel as ISO
 * strings; the client reads them through `Json<…>`.
 */
import type { OrganisationKind } from '../organisations/organisation.view';

export const LOCALES = ['en', 'es', 'eu'] as const;
export type Locale = (typeof LOCALES)[number];
export const PLATFORM_ROLES = ['admin', 'member'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

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
