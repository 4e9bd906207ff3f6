import type { Actor } from '../../platform/context.ts';
import { definePolicy, inDepartmentScope } from '../../platform/policy/policy.ts';

/** What the rules need to know of a badge: whose it is and where they work. */
export type BadgeAccess = { personId: string; departmentId: string };

const own = (actor: Actor, b: BadgeAccess) => actor.personId !== null && actor.personId === b.personId;
const manages = (actor: Actor, b: BadgeAccess) => actor.permissions.has('badges.manage') && inDepartmentScope(actor, b.departmentId);

/** Who sees a badge in the console: whoever's data scope covers the person's department, and the person themself. */
export const seeBadge = (actor: Actor, b: BadgeAccess) =>
  inDepartmentScope(actor, b.departmentId) || actor.scope.selfPersonId === b.personId || own(actor, b);

/**
 * read and print: people.read; edit the duties and reissue (a lost badge): the person themself, or
 * badges.manage over their department (the head, the office); revoke (收回): badges.manage only.
 */
export const badgePolicy = definePolicy<BadgeAccess, 'read' | 'print' | 'edit' | 'reissue' | 'revoke'>(seeBadge, {
  read: { permission: 'people.read' },
  print: { permission: 'people.read' },
  edit: { permission: 'people.read', when: (a, b) => own(a, b) || manages(a, b) },
  reissue: { permission: 'people.read', when: (a, b) => own(a, b) || manages(a, b) },
  revoke: { permission: 'badges.manage', when: manages },
});
