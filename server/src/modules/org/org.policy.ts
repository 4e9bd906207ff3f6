import type { Actor } from '../../platform/context.ts';
import { definePolicy, inDepartmentScope } from '../../platform/policy/policy.ts';

/** Departments: visible to org readers in scope; managed by org managers in scope. */
export const departmentPolicy = definePolicy<{ id: string }, 'read' | 'manage'>(
  (actor, dept) => inDepartmentScope(actor, dept.id),
  { read: { permission: 'org.read' }, manage: { permission: 'org.manage' } },
);

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
