import type { DataScope, Permission } from '@qinlian/contracts';
import type { Actor, ResolvedScope } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { departmentSubtreeIds } from '../org/departments.service.ts';
import { personBasics } from '../org/people.service.ts';
import { identityRepo, type RoleRow, type UserRow } from './identity.repo.ts';

const BREADTH: DataScope[] = ['self', 'dept', 'custom', 'dept_and_below', 'all'];

/** The union of the roles' data scopes (数据权限), resolved to department ids once per request. */
async function resolveScope(db: Executor, roles: RoleRow[], departmentId: string | null, personId: string | null): Promise<ResolvedScope> {
  const kinds = roles.map((r) => r.dataScope as DataScope);
  const kind = kinds.reduce<DataScope>((a, b) => (BREADTH.indexOf(b) > BREADTH.indexOf(a) ? b : a), 'self');
  if (kinds.includes('all')) return { kind, all: true, departmentIds: [], selfPersonId: personId };
  const ids = new Set<string>();
  if (departmentId && kinds.includes('dept')) ids.add(departmentId);
  if (departmentId && kinds.includes('dept_and_below')) for (const id of await departmentSubtreeIds(db, [departmentId])) ids.add(id);
  for (const r of roles.filter((x) => x.dataScope === 'custom')) for (const id of JSON.parse(r.customDepartmentIds) as string[]) ids.add(id);
  return { kind, all: false, departmentIds: [...ids], selfPersonId: personId };
}

export async function actorForUser(db: Executor, user: UserRow, via: Actor['via']): Promise<Actor> {
  const roles = await identityRepo.rolesOfUser(db, user.id);
  const person = user.personId ? await personBasics(db, user.personId) : undefined;
  const permissions = new Set(roles.flatMap((r) => JSON.parse(r.permissions) as Permission[]));
  const departmentId = person?.departmentId ?? null;
  return {
    userId: user.id, username: user.username, name: person?.name ?? user.displayName, personId: user.personId,
    departmentId, permissions, scope: await resolveScope(db, roles, departmentId, user.personId), via,
  };
}
