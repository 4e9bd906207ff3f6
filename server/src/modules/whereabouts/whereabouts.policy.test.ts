import { describe, expect, it } from 'vitest';
import type { DataScope, Permission } from '@qinlian/contracts';
import type { Actor } from '../../platform/context.ts';
import { absencePolicy, boardPolicy, whereaboutsPolicy } from './whereabouts.policy.ts';

const actor = (o: {
  personId: string | null;
  departmentId: string | null;
  permissions: Permission[];
  scope: DataScope;
  departmentIds?: string[];
}): Actor => ({
  userId: `u-${o.personId}`,
  username: 'u',
  name: 'u',
  personId: o.personId,
  departmentId: o.departmentId,
  permissions: new Set(o.permissions),
  scope: {
    kind: o.scope,
    all: o.scope === 'all',
    departmentIds: o.departmentIds ?? (o.departmentId ? [o.departmentId] : []),
    selfPersonId: o.personId,
  },
  via: 'session',
});
const READ: Permission[] = ['whereabouts.read'];
const MANAGE: Permission[] = ['whereabouts.read', 'whereabouts.manage'];

const person = { personId: 'p-zhang', departmentId: 'd-econ' };
const who = {
  self: actor({ personId: 'p-zhang', departmentId: 'd-econ', permissions: READ, scope: 'self' }),
  colleague: actor({ personId: 'p-li', departmentId: 'd-econ', permissions: READ, scope: 'dept' }),
  head: actor({ personId: 'p-head', departmentId: 'd-econ', permissions: MANAGE, scope: 'dept_and_below' }),
  otherHead: actor({ personId: 'p-fin', departmentId: 'd-fin', permissions: MANAGE, scope: 'dept' }),
  office: actor({ personId: 'p-office', departmentId: 'd-office', permissions: MANAGE, scope: 'all' }),
  leader: actor({ personId: 'p-leader', departmentId: 'd-root', permissions: READ, scope: 'all' }),
  selfScoped: actor({ personId: 'p-wang', departmentId: 'd-econ', permissions: READ, scope: 'self', departmentIds: [] }),
};

/** 去向记录 is personal data: the person sees their own, the department head their department, the office all. */
describe('the whereabouts policy', () => {
  it.each<[keyof typeof who, boolean, boolean, boolean]>([
    // who, sees the card, may set, may read the history
    ['self', true, true, true],
    ['head', true, true, true],
    ['office', true, true, true],
    ['colleague', true, false, false],
    ['selfScoped', true, false, false], // a colleague of the same department sees the board at the door anyway
    ['leader', true, false, false],
    ['otherHead', false, false, false],
  ])('%s: sees %s, sets %s, reads history %s', (name, sees, sets, history) => {
    const a = who[name];
    expect(whereaboutsPolicy.canSee(a, person)).toBe(sees);
    expect(whereaboutsPolicy.allowed(a, 'set', person)).toBe(sets);
    expect(whereaboutsPolicy.allowed(a, 'history', person)).toBe(history);
    if (!sees) expect(() => whereaboutsPolicy.assert(a, 'history', person)).toThrow(expect.objectContaining({ status: 404 }));
    else if (!history) expect(() => whereaboutsPolicy.assert(a, 'history', person)).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('lets the department and its heads see the board; only whereabouts.manage over it manages', () => {
    const dept = { departmentId: 'd-econ' };
    expect([who.colleague, who.head, who.office, who.leader, who.otherHead].map((a) => boardPolicy.canSee(a, dept))).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
    expect([who.colleague, who.head, who.office, who.leader].map((a) => boardPolicy.allowed(a, 'manage', dept))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('shows a planned absence to the person and those who manage the department, and cancels only open ones', () => {
    const leave = { ...person, status: 'scheduled' };
    expect([who.self, who.head, who.office, who.colleague, who.leader].map((a) => absencePolicy.canSee(a, leave))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(absencePolicy.allowed(who.self, 'cancel', leave)).toBe(true);
    expect(absencePolicy.allowed(who.self, 'cancel', { ...leave, status: 'ended' })).toBe(false);
  });
});
