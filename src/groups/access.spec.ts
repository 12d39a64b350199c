import {
  canManageGroupContent,
  decide,
  decideSelfJoin,
  Departure,
  GroupAction,
  MANAGING_ROLES,
  mayJoin,
  readableGroupsSql,
} from './access';
import type { GroupRole } from './membership.entity';

const admin = { role: 'admin' as const };
const person = { role: 'member' as const };
const actions: GroupAction[] = ['read', 'contribute', 'manage'];

describe('group access rule', () => {
  it('lets a platform admin do everything, even in a private group they are not in', () => {
    for (const action of actions) expect(decide(admin, { visibility: 'private' }, null, action)).toBe('allow');
  });

  it('hides a private group from non-members for every action', () => {
    for (const action of actions) expect(decide(person, { visibility: 'private' }, null, action)).toBe('hidden');
  });

  it('lets anyone signed in read an open group, but not write to it without joining', () => {
    expect(decide(person, { visibility: 'open' }, null, 'read')).toBe('allow');
    expect(decide(person, { visibility: 'open' }, null, 'contribute')).toBe('denied');
    expect(decide(person, { visibility: 'open' }, null, 'manage')).toBe('denied');
  });

  const table: Array<[GroupRole, GroupAction, 'allow' | 'denied']> = [
    ['facilitator', 'read', 'allow'],
    ['facilitator', 'contribute', 'allow'],
    ['facilitator', 'manage', 'allow'],
    ['member', 'read', 'allow'],
    ['member', 'contribute', 'allow'],
    ['member', 'manage', 'denied'],
    ['observer', 'read', 'allow'],
    ['observer', 'contribute', 'denied'],
    ['observer', 'manage', 'denied'],
  ];
  it.each(table)('a %s may %s: %s (in open and private groups alike)', (role, action, expected) => {
    expect(decide(person, { visibility: 'private' }, role, action)).toBe(expected);
    expect(decide(person, { visibility: 'open' }, role, action)).toBe(expected);
  });
});

describe('self-join rule', () => {
  const open = { visibility: 'open' as const };
  const closed = { visibility: 'private' as const };
  const left = (role: GroupRole): Departure => ({ role, removed: false });
  const removed = (role: GroupRole): Departure => ({ role, removed: true });

  it('lets a newcomer join an open group as a member, and as nothing else', () => {
    expect(decideSelfJoin(person, open, null, null, 'member')).toBe('allow');
    expect(decideSelfJoin(person, open, null, null, 'facilitator')).toBe('not_member');
    expect(decideSelfJoin(person, open, null, null, 'observer')).toBe('not_member');
  });

  it('hides a private group from non-members and refuses its members too: roles there come from facilitators', () => {
    expect(decideSelfJoin(person, closed, null, null, 'member')).toBe('hidden');
    expect(decideSelfJoin(person, closed, 'observer', null, 'member')).toBe('private');
  });

  it('never changes a role someone already has', () => {
    expect(decideSelfJoin(person, open, 'observer', null, 'member')).toBe('has_role');
    expect(decideSelfJoin(person, open, 'member', null, 'member')).toBe('has_role');
  });

  it('keeps an observer who left, or a member demoted to observer who left, from coming back as a member', () => {
    expect(decideSelfJoin(person, open, null, left('observer'), 'member')).toBe('was_observer');
  });

  it('keeps anyone a facilitator or admin removed from coming back by themselves', () => {
    for (const role of ['facilitator', 'member', 'observer'] as const) {
      expect(decideSelfJoin(person, open, null, removed(role), 'member')).toBe('removed');
    }
  });

  it('lets a member or facilitator who left by themselves come back, as a member', () => {
    expect(decideSelfJoin(person, open, null, left('member'), 'member')).toBe('allow');
    expect(decideSelfJoin(person, open, null, left('facilitator'), 'member')).toBe('allow');
    expect(decideSelfJoin(person, open, null, left('facilitator'), 'facilitator')).toBe('not_member');
  });

  it('offers Join exactly when a self-join would be allowed, or the caller manages the group anyway', () => {
    expect(mayJoin(person, open, null, null)).toBe(true);
    expect(mayJoin(person, open, null, left('member'))).toBe(true);
    expect(mayJoin(person, open, null, left('observer'))).toBe(false);
    expect(mayJoin(person, open, null, removed('member'))).toBe(false);
    expect(mayJoin(person, open, 'observer', null)).toBe(false);
    expect(mayJoin(person, closed, null, null)).toBe(false);
    // An admin may add themselves anywhere (as a manager, not by the self-join rule).
    expect(mayJoin(admin, closed, null, removed('member'))).toBe(true);
    expect(mayJoin(admin, open, 'member', null)).toBe(false);
  });
});

describe('who manages a group’s content', () => {
  it('is admins (member or not) and facilitators, nobody else', () => {
    expect(canManageGroupContent(admin, null)).toBe(true);
    expect(canManageGroupContent(admin, 'observer')).toBe(true);
    expect(canManageGroupContent(person, 'facilitator')).toBe(true);
    for (const role of ['member', 'observer', null] as const) expect(canManageGroupContent(person, role)).toBe(false);
  });

  it('agrees with decide(…, "manage") for everyone who may read the group', () => {
    for (const actor of [admin, person]) {
      for (const role of ['facilitator', 'member', 'observer', null] as const) {
        const managed = decide(actor, { visibility: 'open' }, role, 'manage') === 'allow';
        expect(canManageGroupContent(actor, role)).toBe(managed);
      }
    }
    expect(MANAGING_ROLES).toEqual(['facilitator']);
  });
});

describe('readable groups as SQL', () => {
  it('puts no condition on admins', () => {
    expect(readableGroupsSql({ id: 'a', role: 'admin' })).toBeNull();
  });

  it('keeps open groups and the actor’s own, with the actor as a parameter (never in the text)', () => {
    const c = readableGroupsSql({ id: 'u-1', role: 'member' }, 'wg');
    expect(c?.params).toEqual({ groupReader: 'u-1' });
    expect(c?.sql).toContain(`wg.visibility = 'open'`);
    expect(c?.sql).toContain('rm.group_id = wg.id AND rm.user_id = :groupReader');
    expect(c?.sql).not.toContain('u-1');
  });
});
