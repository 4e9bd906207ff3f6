import type { DepartmentCreateBody, Permission, DataScope, PersonCreateBody, PostCreateBody } from '@qinlian/contracts';
import type { Session, TestApp } from './harness.ts';
import { signIn } from './harness.ts';
import { systemCtx } from '../src/bootstrap.ts';
import { createDepartment } from '../src/modules/org/departments.service.ts';
import { createPerson } from '../src/modules/org/people.service.ts';
import { createPost } from '../src/modules/org/posts.service.ts';
import { createAccount, createRole } from '../src/modules/identity/access.service.ts';
import { fixedClock } from '../src/platform/clock.ts';
import type { MeasureCreateBody, PlanCreateBody, ProgrammeCreateBody, Task, TaskCreateBody } from '@qinlian/contracts';
import { createMeasure, createPlan, createProgramme } from '../src/modules/plan/plan.service.ts';
import { createTask } from '../src/modules/tasks/tasks.service.ts';

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
  return createRole(ctxOf(t), {
    code: unique('r_')
      .toLowerCase()
      .replace(/[^a-z0-9_]/g, ''),
    name: unique('角色'),
    permissions,
    dataScope,
    customDepartmentIds,
  });
}

export const TEST_PASSWORD = 'Passw0rd!x';

/** An account (optionally bound to a person) holding one role built from these permissions; signed in. */
export async function buildSignedInUser(
  t: TestApp,
  opts: { permissions: Permission[]; dataScope?: DataScope; personId?: string | null; customDepartmentIds?: string[] },
) {
  const role = await buildRole(t, opts.permissions, opts.dataScope ?? 'all', opts.customDepartmentIds ?? []);
  const username = unique('u').toLowerCase();
  const { user } = await createAccount(ctxOf(t), {
    username,
    displayName: username,
    personId: opts.personId ?? null,
    roleIds: [role.id],
    password: TEST_PASSWORD,
    mustChange: false,
  });
  return { user, role, session: await signIn(t.app, username, TEST_PASSWORD) };
}

let phoneSeq = 0;
/** A unique, well-formed mobile number for tests: 1390 and a counter. */
export const uniquePhone = () => `1390${String(++phoneSeq).padStart(7, '0')}`;

/** A real person row, in a new department unless one is given. */
export async function buildPerson(t: TestApp, overrides: Partial<PersonCreateBody> = {}) {
  const departmentId = overrides.departmentId ?? (await buildDepartment(t)).id;
  const { row } = await createPerson(ctxOf(t), { name: unique('人员'), phone: uniquePhone(), title: '科员', ...overrides, departmentId });
  return row;
}

/** A real post (AB岗) with fresh A and B holders in its department, unless given. */
export async function buildPost(t: TestApp, overrides: Partial<PostCreateBody> = {}) {
  const departmentId = overrides.departmentId ?? (await buildDepartment(t)).id;
  const aPersonId = overrides.aPersonId !== undefined ? overrides.aPersonId : (await buildPerson(t, { departmentId })).id;
  const bPersonId = overrides.bPersonId !== undefined ? overrides.bPersonId : (await buildPerson(t, { departmentId })).id;
  return createPost(ctxOf(t), { name: unique('岗位'), duties: '测试职责', ...overrides, departmentId, aPersonId, bPersonId });
}

/** A campaign plan (计划) for 2026 with default warning thresholds unless given. */
export async function buildPlan(t: TestApp, overrides: Partial<PlanCreateBody> = {}) {
  return createPlan(ctxOf(t), { name: unique('计划'), year: 2026, startDate: '2026-01-01', endDate: '2026-12-31', ...overrides });
}

/** A programme (工程) in a new plan unless one is given. */
export async function buildProgramme(t: TestApp, overrides: Partial<ProgrammeCreateBody> = {}) {
  const planId = overrides.planId ?? (await buildPlan(t)).id;
  return createProgramme(ctxOf(t), { code: unique('P'), name: unique('工程'), ...overrides, planId });
}

/** A measure (举措) in a new programme unless one is given. */
export async function buildMeasure(t: TestApp, overrides: Partial<MeasureCreateBody> = {}) {
  const programmeId = overrides.programmeId ?? (await buildProgramme(t)).id;
  return createMeasure(ctxOf(t), { code: unique('M'), name: unique('举措'), ...overrides, programmeId });
}

/**
 * A draft task (督办事项): a new measure, and a new lead department with a responsible post
 * (A and B holders) unless given. Runs 2026-03-02 … 2026-06-30 by default.
 */
export async function buildTask(t: TestApp, overrides: Partial<TaskCreateBody> = {}) {
  const measureId = overrides.measureId ?? (await buildMeasure(t)).id;
  const leadDepartmentId = overrides.leadDepartmentId ?? (await buildDepartment(t)).id;
  const responsiblePostId =
    overrides.responsiblePostId !== undefined ? overrides.responsiblePostId : (await buildPost(t, { departmentId: leadDepartmentId })).id;
  return createTask(ctxOf(t), {
    title: unique('任务'),
    startDate: '2026-03-02',
    dueDate: '2026-06-30',
    ...overrides,
    measureId,
    leadDepartmentId,
    responsiblePostId,
  });
}

/** A task (as `buildTask`) assigned (交办) through the API by `office`: the task as the office now sees it. */
export async function buildAssignedTask(t: TestApp, office: Session, overrides: Partial<TaskCreateBody> = {}) {
  const draft = await buildTask(t, overrides);
  const res = await office.request({
    method: 'POST',
    url: `/api/tasks/${draft.id}/transition`,
    payload: { action: 'assign', version: draft.version },
  });
  if (res.statusCode !== 200) throw new Error(`assigning ${draft.id} failed: ${res.statusCode} ${res.body}`);
  return res.json() as Task;
}

/** A signed-in user bound to a new person of `departmentId` (one account per person). */
export async function buildViewerIn(t: TestApp, departmentId: string, opts: Omit<Parameters<typeof buildSignedInUser>[1], 'personId'>) {
  const person = await buildPerson(t, { departmentId });
  return { person, ...(await buildSignedInUser(t, { ...opts, personId: person.id })) };
}
