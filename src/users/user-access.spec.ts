import { managesPeople, seesEmailOf, seesEveryone, visiblePeopleSql } from './user-access';

const admin = { id: 'x', role: 'admin' as const, organisationId: null };
const ane = { id: 'ane', role: 'member' as const, organisationId: 'org-a' };
const loner = { id: 'loner', role: 'member' as const, organisationId: null };

describe('who may see whom', () => {
  it('lets admins see everyone, and others only those the rule finds', () => {
    expect(seesEveryone(admin)).toBe(true);
    expect(seesEveryone(ane)).toBe(false);
    expect(managesPeople(admin)).toBe(true);
    expect(managesPeople(ane)).toBe(false);
    expect(visiblePeopleSql(admin)).toBeNull();
  });

  it('shows email addresses to admins, and to each person their own', () => {
    expect(seesEmailOf(admin, { id: 'ane' })).toBe(true);
    expect(seesEmailOf(ane, { id: 'ane' })).toBe(true);
    expect(seesEmailOf(ane, { id: 'bittor' })).toBe(false);
  });

  it('finds oneself, one’s organisation and people sharing a group, with parameters only', () => {
    const c = visiblePeopleSql(ane, 'p');
    expect(c?.params).toEqual({ viewer: 'ane', viewerOrganisation: 'org-a' });
    expect(c?.sql).toContain('p.id = :viewer');
    expect(c?.sql).toContain('p.organisation_id = :viewerOrganisation');
    expect(c?.sql).toContain('theirs.group_id = mine.group_id');
    expect(c?.sql).toContain('theirs.user_id = p.id');
    expect(c?.sql).not.toMatch(/ane|org-a/);
  });

  it('gives someone without an organisation no organisation to share', () => {
    const c = visiblePeopleSql(loner);
    expect(c?.params).toEqual({ viewer: 'loner' });
    expect(c?.sql).not.toContain('organisation_id');
  });
});
