import { randomUUID } from 'node:crypto';
import { Group, Organisation, Person, World } from './factories';
import { ErrorReply } from './support/http';

interface PersonView {
  id: string;
  email: string | null;
  displayName: string;
  organisationId: string | null;
}

/**
 * Who may see whom (src/users/user-access.ts): an admin sees everyone; anyone else sees
 * themselves, the people of their own organisation and the people who share a working group
 * with them. Others answer 404, like someone who does not exist. Only admins see other
 * people's email addresses.
 */
describe('who may see whom: GET /api/users', () => {
  let world: World;
  let orgA: Organisation;
  let orgB: Organisation;
  let group: Group;
  /** orgA, in the group. */
  let ane: Person;
  /** orgA, in no group: shares the organisation with Ane. */
  let bittor: Person;
  /** orgB, observer of the group: shares the group with Ane. */
  let carmen: Person;
  /** orgB, in no group: shares nothing with Ane. */
  let dani: Person;
  /** No organisation, in no group: shares nothing with anyone. */
  let outsider: Person;

  beforeAll(async () => {
    world = await World.start();
    orgA = await world.createOrganisation();
    orgB = await world.createOrganisation();
    ane = await world.createPerson({ organisationId: orgA.id, displayName: 'Ane' });
    bittor = await world.createPerson({ organisationId: orgA.id, displayName: 'Bittor' });
    carmen = await world.createPerson({ organisationId: orgB.id, displayName: 'Carmen' });
    dani = await world.createPerson({ organisationId: orgB.id, displayName: 'Dani' });
    outsider = await world.createPerson({ displayName: 'Outsider' });
    group = await world.createGroup({ visibility: 'private' });
    await world.addMember(group, ane, 'member');
    await world.addMember(group, carmen, 'observer');
  });

  afterAll(async () => {
    expect(await world.close()).toEqual([]);
  });

  const list = async (who: Person): Promise<PersonView[]> => {
    const res = await who.api.get<PersonView[]>('/api/users');
    expect(res.status).toBe(200);
    return res.body;
  };
  const ids = (people: PersonView[]): string[] => people.map((p) => p.id).sort();
  const idsOf = (...people: Person[]): string[] => people.map((p) => p.id).sort();

  it('an outsider lists only themselves, and fetching anyone else answers 404 like nobody', async () => {
    const seen = await list(outsider);
    expect(ids(seen)).toEqual([outsider.id]);
    expect(seen[0].email).toBe(outsider.email);

    const nobody = await outsider.api.get<ErrorReply>(`/api/users/${randomUUID()}`);
    expect(nobody.status).toBe(404);
    for (const other of [ane, bittor, carmen, dani, world.admin]) {
      const res = await outsider.api.get<ErrorReply>(`/api/users/${other.id}`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(nobody.body);
    }
    expect((await outsider.api.get<PersonView>(`/api/users/${outsider.id}`)).status).toBe(200);
  });

  it('a member sees their organisation and the people of their groups, without their emails', async () => {
    const seen = await list(ane);
    expect(ids(seen)).toEqual(idsOf(ane, bittor, carmen));
    for (const p of seen) expect(p.email).toBe(p.id === ane.id ? ane.email : null);

    const colleague = await ane.api.get<PersonView>(`/api/users/${bittor.id}`);
    expect(colleague.status).toBe(200);
    expect(colleague.body).toMatchObject({ id: bittor.id, displayName: 'Bittor', email: null });
    expect((await ane.api.get<PersonView>(`/api/users/${carmen.id}`)).body).toMatchObject({ email: null });
    expect((await ane.api.get(`/api/users/${dani.id}`)).status).toBe(404);
    expect((await ane.api.get(`/api/users/${outsider.id}`)).status).toBe(404);
  });

  it('sharing a group counts in any role, both ways; an organisation is shared only by its own people', async () => {
    expect(ids(await list(carmen))).toEqual(idsOf(ane, carmen, dani));
    expect(ids(await list(bittor))).toEqual(idsOf(ane, bittor));
    expect(ids(await list(dani))).toEqual(idsOf(carmen, dani));
  });

  it('an admin sees everyone, with their emails', async () => {
    const seen = await list(world.admin);
    const byId = new Map(seen.map((p) => [p.id, p]));
    for (const p of [ane, bittor, carmen, dani, outsider, world.admin]) {
      expect(byId.get(p.id)?.email).toBe(p.email);
    }
    expect((await world.admin.api.get<PersonView>(`/api/users/${outsider.id}`)).body.email).toBe(outsider.email);
  });

  it('leaving the group ends the sharing at once', async () => {
    const later = await world.createPerson({ organisationId: orgB.id, displayName: 'Later' });
    await world.addMember(group, later, 'member');
    expect(ids(await list(ane))).toContain(later.id);
    expect((await world.admin.api.delete(`/api/groups/${group.id}/members/${later.id}`)).status).toBe(204);
    expect(ids(await list(ane))).not.toContain(later.id);
    expect((await ane.api.get(`/api/users/${later.id}`)).status).toBe(404);
  });

  it('/api/me still shows the signed-in person their own email', async () => {
    const me = await outsider.api.get<{ user: PersonView }>('/api/me');
    expect(me.body.user).toMatchObject({ id: outsider.id, email: outsider.email });
  });
});
