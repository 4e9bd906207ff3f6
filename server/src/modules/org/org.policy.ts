import type { Actor } from '../../platform/context.ts';
import { definePolicy, inDepartmentScope } from '../../platform/policy/policy.ts';

/** Departments: visible to org readers in scope; managed by org managers in scope. */
export const departmentPolicy = definePolicy<{ id: string }, 'read' | 'manage'>((actor, dept) => inDepartmentScope(actor, dept.id), {
  read: { permission: 'org.read' },
  manage: { permission: 'org.manage' },
});

/** People: in the actor's department scope, or the actor themself under the "self" scope. */
const seePerson = (actor: Actor, person: { id: string; departmentId: string }) =>
  inDepartmentScope(actor, person.departmentId) || actor.scope.selfPersonId === person.id;
export const personPolicy = definePolicy<{ id: string; departmentId: string }, 'read' | 'manage'>(seePerson, {
  read: { permission: 'people.read' },
  manage: { permission: 'people.manage' },
});

/** Posts (AB岗) belong to a department and follow its scope. */
export const postPolicy = definePolicy<{ departmentId: string }, 'read' | 'manage'>(
  (actor, post) => inDepartmentScope(actor, post.departmentId),
  { read: { permission: 'org.read' }, manage: { permission: 'org.manage' } },
);

/** May the actor register a new person in this department? (people.manage over it) */
export const canAddPersonTo = (actor: Actor, departmentId: string) =>
  actor.permissions.has('people.manage') && inDepartmentScope(actor, departmentId);

/**
 * Opening a sign-in account while registering a person needs users.manage; handing it roles needs
 * roles.manage as well, so that managing people never becomes a way to grant oneself more power.
 */
export const accountPolicy = {
  mayOpen: (actor: Actor, roleIds: string[]) =>
    actor.permissions.has('users.manage') && (roleIds.length === 0 || actor.permissions.has('roles.manage')),
};

/** Phone numbers are shown in full to whoever may manage the person, and to the person themself. */
export const seesFullPhone = (actor: Actor, person: { id: string; departmentId: string }) =>
  personPolicy.allowed(actor, 'manage', person) || actor.personId === person.id;
