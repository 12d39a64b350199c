import type { Organisation } from '../organisations/organisation.entity';
import type { PlatformRole } from '../auth/actor';
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
