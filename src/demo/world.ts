import { EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { ChannelsService } from '../channels/channels.service';
import { GroupsService } from '../groups/groups.service';
import { Membership } from '../groups/membership.entity';
import { Organisation } from '../organisations/organisation.entity';
import { UsersService } from '../users/users.service';
import { User } from '../users/user.entity';
import {
  AGENCY,
  ASSOCIATION_PEOPLE,
  CLUSTER_ASSOCIATIONS,
  DEMO_PASSWORD,
  GROUPS,
  STAFF,
  UNIVERSITY,
} from './data/world';

/** The demo world's ids: organisations by key, people by email, groups and channels by slug and name. */
export interface DemoWorld {
  organisations: Map<string, string>;
  users: Map<string, User>;
  groups: Map<string, string>;
  /** `${groupSlug}/${channelName}` → channel id (filled once the channels exist). */
  channels: Map<string, string>;
}

/** What a service sees of a demo person acting: the seed acts without a session. */
export function actorOf(world: DemoWorld, email: string): Actor {
  const user = world.users.get(email);
  if (!user) throw new Error(`demo: no person ${email}`);
  const { id, displayName, organisationId, role } = user;
  return { id, email, displayName, organisationId, role, sessionId: 'demo-seed' };
}

/**
 * Organisations, people, groups and memberships, inside the caller's transaction. People and
 * groups go through their services (the group's `general` channel comes with it); organisations
 * and memberships are plain rows written in bulk, as nobody is signed in yet to be told.
 */
export async function seedWorld(
  manager: EntityManager,
  services: { users: UsersService; groups: GroupsService },
  passwordHash: string,
): Promise<DemoWorld> {
  const world: DemoWorld = { organisations: new Map(), users: new Map(), groups: new Map(), channels: new Map() };
  const orgs = [AGENCY, UNIVERSITY, ...CLUSTER_ASSOCIATIONS];
  const inserted = await manager.insert(
    Organisation,
    orgs.map(({ key: _key, ...fields }) => fields),
  );
  orgs.forEach((o, i) => world.organisations.set(o.key, inserted.identifiers[i].id as string));

  for (const person of [...STAFF, ...ASSOCIATION_PEOPLE]) {
    const user = await services.users.insert(
      manager,
      {
        email: person.email,
        displayName: person.displayName,
        password: DEMO_PASSWORD,
        organisationId: world.organisations.get(person.organisation)!,
        locale: person.locale,
        role: person.role,
      },
      passwordHash,
    );
    world.users.set(user.email, user);
  }

  const rows: Array<Pick<Membership, 'groupId' | 'userId' | 'role'>> = [];
  for (const demo of GROUPS) {
    const { slug, name, description, visibility } = demo;
    const group = await services.groups.insert(manager, { slug, name, description, visibility });
    world.groups.set(slug, group.id);
    const member = (email: string, role: Membership['role']) =>
      rows.push({ groupId: group.id, userId: world.users.get(email)!.id, role });
    member(demo.facilitator, 'facilitator');
    for (const key of demo.associations)
      member(ASSOCIATION_PEOPLE.find((p) => p.organisation === key)!.email, 'member');
    for (const email of demo.extraMembers) member(email, 'member');
    for (const email of demo.observers) member(email, 'observer');
  }
  await manager.insert(Membership, rows);
  return world;
}

/** Each group's channels beyond `general` (those it lacks), opened by its facilitator through the channels service. */
export async function seedChannels(channels: ChannelsService, world: DemoWorld): Promise<void> {
  for (const demo of GROUPS) {
    const groupId = world.groups.get(demo.slug)!;
    const facilitator = actorOf(world, demo.facilitator);
    const existing = new Set((await channels.list(facilitator, groupId, true)).map((c) => c.name));
    for (const channel of demo.extraChannels) {
      if (!existing.has(channel.name)) await channels.create(facilitator, groupId, channel);
    }
    for (const c of await channels.list(facilitator, groupId)) world.channels.set(`${demo.slug}/${c.name}`, c.id);
  }
}
