import type { Actor } from '../../platform/context.ts';
import { definePolicy, inDepartmentScope } from '../../platform/policy/policy.ts';

/** What the rules need to know of a person whose whereabouts are asked about. */
export type PersonAccess = { personId: string; departmentId: string };
/** …and of a department whose board is asked for. */
export type DepartmentAccess = { departmentId: string };
/** …and of a planned absence. */
export type AbsenceAccess = PersonAccess & { status: string };

const isSelf = (a: Actor, p: PersonAccess) => a.personId !== null && a.personId === p.personId;
/** 部门负责人 and 督查办: whereabouts.manage over the person's department. */
const manages = (a: Actor, departmentId: string) => a.permissions.has('whereabouts.manage') && inDepartmentScope(a, departmentId);
/** A department's board is in sight of its own people and of whoever's data scope covers it. */
const seesDepartment = (a: Actor, departmentId: string) => inDepartmentScope(a, departmentId) || a.departmentId === departmentId;

/**
 * One person's whereabouts. read: anyone who sees the department (its board hangs at the door anyway);
 * set: the person, or the head/office over the department; history (personal data): the person, the
 * department's head (whereabouts.manage over it) and the office (whereabouts.manage over all) — a
 * colleague is refused (403), someone outside the data scope does not see the person at all (404).
 */
export const whereaboutsPolicy = definePolicy<PersonAccess, 'read' | 'set' | 'history'>(
  (a, p) => isSelf(a, p) || seesDepartment(a, p.departmentId),
  {
    read: { permission: 'whereabouts.read' },
    set: { permission: 'whereabouts.read', when: (a, p) => isSelf(a, p) || manages(a, p.departmentId) },
    history: { permission: 'whereabouts.read', when: (a, p) => isSelf(a, p) || manages(a, p.departmentId) },
  },
);

/** A department's board (overview, live stream, door-board code); manage: set its people's whereabouts. */
export const boardPolicy = definePolicy<DepartmentAccess, 'read' | 'manage'>((a, d) => seesDepartment(a, d.departmentId), {
  read: { permission: 'whereabouts.read' },
  manage: { permission: 'whereabouts.manage', when: (a, d) => inDepartmentScope(a, d.departmentId) },
});

/**
 * A planned absence (leave is personal data): seen by the person and by those who manage their
 * department; cancelled by the same while it is scheduled or under way.
 */
export const absencePolicy = definePolicy<AbsenceAccess, 'read' | 'cancel'>((a, r) => isSelf(a, r) || manages(a, r.departmentId), {
  read: { permission: 'whereabouts.read' },
  cancel: { permission: 'whereabouts.read', when: (_a, r) => r.status === 'scheduled' || r.status === 'active' },
});
