import type { DepartmentCreateBody, Permission, DataScope } from '@qinlian/contracts';
import type { TestApp } from './harness.ts';
import { signIn } from './harness.ts';
import { systemCtx } from '../src/bootstrap.ts';
import { createDepartment } from '../src/modules/org/departments.service.ts';
import { createAccount, createRole } from '../src/modules/identity/access.service.ts';
import { fixedClock } from '../src/platform/clock.ts';

let n = 0;
const unique = (prefix: string) => `${prefix}${++n}${Math.random().toString(36).slice(2, 6)}`;
const ctxOf = (t: TestApp) => systemCtx({ ...t.db }, t.clock ?? fixedClock(new Date()));

/** A real department row, under the root (made on first use) unless a parent is given. */
export async function buildDepartment(t: TestApp, overrides: Partial<DepartmentCreateBody> = {}) {
  const parentId = overrides.parentId !== undefined ? overrides.parentId : (await rootDepartment(t)).id;
  return createDepartment(ctxOf(t), { name: unique('部门'), kind: 'department', ...overrides, parentId });
}

export async function rootDepartment(t: TestApp) {
  const root = await t.db.db.selectFrom('departments').selectAll().where('parentId', 'is', null).executeTakeFirst();
  return root ?? createDepartment(ctxOf(t), { name: '测试新区党工委管委会', kind: 'committee', parentId: null });
}

/** A role with exactly these permissions and scope. */
export async function buildRole(t: TestApp, permissions: Permission[], dataScope: DataScope = 'all', customDepartmentIds: string[] = []) {
  return createRole(ctxOf(t), { code: unique('r_').toLowerCase().replace(/[^a-z0-9_]/g, ''), name: unique('角色'), permissions, dataScope, customDepartmentIds });
}

export const TEST_PASSWORD = 'Passw0rd!x';

/** An account (optionally bound to a person) holding one role built from these permissions; signed in. */
export async function buildSignedInUser(t: TestApp, opts: { permissions: Permission[]; dataScope?: DataScope; personId?: string | null; customDepartmentIds?: string[] }) {
  const role = await buildRole(t, opts.permissions, opts.dataScope ?? 'all', opts.customDepartmentIds ?? []);
  const username = unique('u').toLowerCase();
  const { user } = await createAccount(ctxOf(t), { username, displayName: username, personId: opts.personId ?? null, roleIds: [role.id], password: TEST_PASSWORD, mustChange: false });
  return { user, role, session: await signIn(t.app, username, TEST_PASSWORD) };
}
