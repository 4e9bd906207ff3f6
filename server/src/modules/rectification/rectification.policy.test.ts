import { describe, expect, it } from 'vitest';
import type { Permission } from '@qinlian/contracts';
import type { Actor } from '../../platform/context.ts';
import { BUILTIN_ROLES } from '../identity/index.ts';
import { rectificationAbilities, type RectificationAccess } from './rectification.policy.ts';
import { rectificationCode, stepNotNow } from './rectification.rules.ts';

const actor = (personId: string | null, permissions: Permission[], departmentIds: string[] | 'all'): Actor => ({
  userId: `u-${personId}`,
  username: `u-${personId}`,
  name: 'x',
  personId,
  departmentId: null,
  permissions: new Set(permissions),
  scope:
    departmentIds === 'all'
      ? { kind: 'all', all: true, departmentIds: [], selfPersonId: null }
      : { kind: 'dept', all: false, departmentIds, selfPersonId: null },
  via: 'session',
});

const item = (over: Partial<RectificationAccess> = {}): RectificationAccess => ({
  departmentId: 'd1',
  ownerPersonId: 'head',
  headPersonId: 'head',
  status: 'open',
  source: 'inspection',
  revisited: 0,
  ...over,
});

const handle: Permission[] = ['rectification.read', 'rectification.handle'];
const head = actor('head', handle, ['d1']);
const staff = actor('staff', handle, ['d1']);
const office = actor('office', ['rectification.read', 'rectification.verify'], 'all');
const leader = actor('leader', ['rectification.read'], 'all');

/** Who may do what to an item (整改), by role, ownership and state — the buttons the console shows. */
describe('rectification abilities', () => {
  it('lets the head assign and submit an open item, a staff member only once it is theirs', () => {
    expect(rectificationAbilities(head, item())).toEqual({ assign: true, submit: true, verify: false, return: false, revisit: false });
    expect(rectificationAbilities(staff, item())).toMatchObject({ assign: false, submit: false });
    expect(rectificationAbilities(staff, item({ ownerPersonId: 'staff' }))).toMatchObject({ assign: false, submit: true });
    expect(rectificationAbilities(head, item({ ownerPersonId: 'staff' }))).toMatchObject({ assign: true, submit: true });
  });

  it('lets any handler of a department without a head assign and submit', () => {
    expect(rectificationAbilities(staff, item({ headPersonId: null, ownerPersonId: null }))).toMatchObject({ assign: true, submit: true });
  });

  it('gives the department nothing outside its scope, and nothing once submitted', () => {
    const other = actor('head', handle, ['d2']);
    expect(Object.values(rectificationAbilities(other, item())).some(Boolean)).toBe(false);
    expect(rectificationAbilities(head, item({ status: 'submitted' }))).toMatchObject({ assign: false, submit: false });
    expect(rectificationAbilities(head, item({ status: 'returned' }))).toMatchObject({ assign: true, submit: true });
  });

  it('lets the office verify, return and revisit a submitted item; a bad review only verified once revisited', () => {
    expect(rectificationAbilities(office, item({ status: 'submitted' }))).toEqual({
      assign: false,
      submit: false,
      verify: true,
      return: true,
      revisit: true,
    });
    expect(rectificationAbilities(office, item({ status: 'submitted', source: 'bad_review' }))).toMatchObject({
      verify: false,
      revisit: true,
    });
    expect(rectificationAbilities(office, item({ status: 'submitted', source: 'bad_review', revisited: 1 }))).toMatchObject({
      verify: true,
    });
    expect(rectificationAbilities(office, item({ status: 'verified' }))).toEqual({
      assign: false,
      submit: false,
      verify: false,
      return: false,
      revisit: true,
    });
    expect(Object.values(rectificationAbilities(office, item({ status: 'withdrawn' }))).some(Boolean)).toBe(false);
    expect(Object.values(rectificationAbilities(office, item({ status: 'open' }))).some(Boolean)).toBe(false);
  });

  it('gives readers (leaders, 纪检监察) no step at all', () => {
    for (const status of ['open', 'submitted', 'returned', 'verified'])
      expect(Object.values(rectificationAbilities(leader, item({ status }))).some(Boolean)).toBe(false);
  });
});

describe('rectification rules', () => {
  it('numbers items ZG-<year>-NNNN', () => {
    expect(rectificationCode(2026, 1)).toBe('ZG-2026-0001');
    expect(rectificationCode(2026, 12345)).toBe('ZG-2026-12345');
  });

  it('names the state and the step in both languages when a step is not possible now', () => {
    const e = stepNotNow('verified', 'submit');
    expect(e.status).toBe(409);
    expect(e.params).toEqual({ state: '已办结', stateEn: 'has been verified', action: '报送', actionEn: 'submitted' });
  });
});

describe('the built-in roles and 整改', () => {
  it('gives the department handling, the office verifying, and leaders and 纪检监察 reading only', () => {
    const held = (code: string) =>
      BUILTIN_ROLES.find((r) => r.code === code)!
        .permissions.filter((p) => p.startsWith('rectification.'))
        .sort();
    expect(held('office')).toEqual(['rectification.read', 'rectification.verify']);
    expect(held('dept_head')).toEqual(['rectification.handle', 'rectification.read']);
    expect(held('staff')).toEqual(['rectification.handle', 'rectification.read']);
    expect(held('leader')).toEqual(['rectification.read']);
    expect(held('inspector')).toEqual(['rectification.read']);
  });
});
