import { decide, GroupAction } from './access';
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
