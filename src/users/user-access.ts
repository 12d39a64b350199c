import type { Actor } from '../auth/actor';
import type { SqlCondition } from '../common/sql-condition';

/**
 * Who may see whom, free of I/O so it is read and tested in one place. It answers
 * `GET /api/users` and `GET /api/users/:id`:
 * - an admin sees everyone (they manage people);
 * - anyone else sees themselves, the people of their own organisation, and the people who
 *   share a working group with them (any role, in the same group);
 * - anyone else is answered 404, like a person who does not exist.
 *
 * Email addresses: an admin sees everyone's, anyone else only their own. The client needs
 * other people's addresses only in the admin pages; group members' addresses come with the
 * group's member list (`GET /api/groups/:id/members`), where mentions use them.
 */
export function seesEveryone(actor: Pick<Actor, 'role'>): boolean {
  return managesPeople(actor);
}

/** Adding people and changing others (role, organisation, activity, password) is for admins. */
export function managesPeople(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin';
}

export function seesEmailOf(actor: Pick<Actor, 'id' | 'role'>, person: { id: string }): boolean {
  return seesEveryone(actor) || person.id === actor.id;
}

/**
 * The rule above as SQL over a users table aliased `u`; null when the actor sees everyone.
 * Sharing a group is read from the memberships table by name: groups/ sits above users/ in
 * the import order, so this rule cannot ask GroupsPolicy.
 */
export function visiblePeopleSql(actor: Pick<Actor, 'id' | 'role' | 'organisationId'>, u = 'u'): SqlCondition | null {
  if (seesEveryone(actor)) return null;
  const own = actor.organisationId !== null ? ` OR ${u}.organisation_id = :viewerOrganisation` : '';
  return {
    sql:
      `(${u}.id = :viewer${own} OR EXISTS (SELECT 1 FROM memberships mine ` +
      `JOIN memberships theirs ON theirs.group_id = mine.group_id ` +
      `WHERE mine.user_id = :viewer AND theirs.user_id = ${u}.id))`,
    params: { viewer: actor.id, ...(actor.organisationId !== null && { viewerOrganisation: actor.organisationId }) },
  };
}
