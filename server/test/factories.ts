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
import type { WhereaboutsState } from '@qinlian/contracts';
import { recordWhereabouts } from '../src/modules/whereabouts/index.ts';
import { startTimer, stopTimer } from '../src/modules/time-limits/index.ts';
import { inTransaction } from '../src/platform/context.ts';
import { newId } from '../src/platform/ids.ts';
import type { TimeLimitKind } from '@qinlian/contracts';
import { openRectification, type OpenRectificationInput } from '../src/modules/rectification/index.ts';
import { personBadge } from '../src/modules/badges/badges.service.ts';
import { isoWeekOf, type DispatchDraftBody } from '@qinlian/contracts';
import { draftSheet } from '../src/modules/dispatch/dispatch-drafting.service.ts';
import { shanghaiDate } from '../src/platform/calendar/working-days.ts';
import { signChainHead } from '../src/modules/audit/index.ts';
import { draftBulletin } from '../src/modules/bulletins/bulletins.service.ts';
import { publishBulletin, submitBulletin } from '../src/modules/bulletins/bulletin-publish.service.ts';
import { takeStep } from '../src/modules/tasks/task-actions.service.ts';
import { submitMonthlySummary } from '../src/modules/summaries/monthly-summaries.service.ts';
import { acceptMonthlySummary, returnMonthlySummary } from '../src/modules/summaries/monthly-review.service.ts';
import { selectExperience, submitExperience } from '../src/modules/summaries/experiences.service.ts';

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

/**
 * A 限时办结 timer of a new item (its subject id made here): started at `startAt` (default: the
 * test clock's now) in a new department unless given, due on `dueOn` or by the rule; finished at
 * `doneAt` when given. Written through the time-limits front door, as the owning modules do.
 */
export async function buildTimer(
  t: TestApp,
  over: { kind?: TimeLimitKind; departmentId?: string; ownerPersonId?: string | null; dueOn?: string; startAt?: Date; doneAt?: Date } = {},
) {
  const subjectId = newId();
  const kind = over.kind ?? 'enquiry';
  const departmentId = over.departmentId ?? (await buildDepartment(t)).id;
  const at = (when: Date | undefined) => systemCtx({ ...t.db }, fixedClock(when ?? t.clock.now()));
  const { dueOn } = await inTransaction(at(over.startAt), (tx) =>
    startTimer(tx, { kind, subjectId, departmentId, ownerPersonId: over.ownerPersonId ?? null, dueOn: over.dueOn }),
  );
  if (over.doneAt) await inTransaction(at(over.doneAt), (tx) => stopTimer(tx, kind, subjectId));
  return { kind, subjectId, departmentId, dueOn };
}

/**
 * An open 整改 item, opened through the rectification front door as a module raising a finding does
 * (an inspection finding by default): in a new department unless given, owned by its head (if any).
 */
export async function buildRectification(t: TestApp, overrides: Partial<OpenRectificationInput> = {}) {
  const departmentId = overrides.departmentId ?? (await buildDepartment(t)).id;
  return inTransaction(ctxOf(t), (tx) =>
    openRectification(tx, {
      source: 'inspection',
      sourceId: newId(),
      personId: null,
      title: unique('整改'),
      detail: '台账记录不完整，请说明并整改',
      limitKind: 'rectification',
      ...overrides,
      departmentId,
    }),
  );
}

/**
 * 去向牌: a person's whereabouts set as the system would (on leave unless told; 'in_office' brings them
 * back). Their presence follows (people.status away ⇄ active), and with it who acts for their posts (AB岗).
 */
export async function setWhereaboutsOf(t: TestApp, personId: string, state: WhereaboutsState = 'leave') {
  await recordWhereabouts(ctxOf(t), personId, { state });
}

/** 亮牌上岗: a person's badge, issued as on the first ask (the badges service, as the system). */
export async function buildBadge(t: TestApp, personId: string) {
  const { badge } = await personBadge(ctxOf(t), personId);
  if (!badge) throw new Error(`no badge for ${personId} (has the person left?)`);
  return badge;
}

/**
 * 首问: an enquiry registered by `owner` (an account of a person with enquiries.handle), answered and —
 * unless `closed: false` — closed through the API. Returns its id and public tracking code.
 */
export async function buildEnquiryToRate(owner: Session, opts: { closed?: boolean } = {}) {
  const post = (url: string, payload: object) => owner.request({ method: 'POST', url, payload });
  const made = await post('/api/enquiries', {
    channel: 'visitor',
    enquirerName: '李群众',
    subject: '咨询社保转移',
    body: '来访咨询社保关系转移。',
  });
  if (made.statusCode !== 201) throw new Error(`enquiry not registered: ${made.body}`);
  const { id, code } = made.json() as { id: string; code: string; version: number };
  if (opts.closed === false) return { id, code };
  const replied = await post(`/api/enquiries/${id}/reply`, {
    reply: '已当面答复办理材料。',
    replyWay: 'in_person',
    version: made.json().version,
  });
  if (replied.statusCode !== 200) throw new Error(`enquiry not answered: ${replied.body}`);
  const closed = await post(`/api/enquiries/${id}/close`, { version: replied.json().version });
  if (closed.statusCode !== 200) throw new Error(`enquiry not closed: ${closed.body}`);
  return { id, code };
}

/** 公告验证: a department made (so the chain has a head), then the head signed as a bulletin prints it. */
export async function buildSignedHead(t: TestApp) {
  await buildDepartment(t);
  return signChainHead(ctxOf(t));
}

/**
 * 调度单: a week's dispatch sheet drafted as the office would (through the dispatch service, as the
 * system): of a new plan, for the area (the root department), in the test clock's week, unless given.
 */
export async function buildDispatchSheet(t: TestApp, overrides: Partial<DispatchDraftBody> = {}) {
  const planId = overrides.planId ?? (await buildPlan(t)).id;
  const departmentId = overrides.departmentId ?? (await rootDepartment(t)).id;
  const week = overrides.week ?? isoWeekOf(shanghaiDate(t.clock.now()));
  return draftSheet(ctxOf(t), { planId, week, departmentId });
}

/**
 * 月度小结: a department's summary of a month (February 2026, ended by the test clock's start, unless
 * given), submitted through the summaries service as the system — and then accepted or returned when
 * `status` says so. In a new department unless one is given.
 */
export async function buildMonthlySummary(
  t: TestApp,
  overrides: { departmentId?: string; month?: string; status?: 'submitted' | 'accepted' | 'returned'; highlights?: string } = {},
) {
  const departmentId = overrides.departmentId ?? (await buildDepartment(t)).id;
  const ctx = ctxOf(t);
  const submitted = await submitMonthlySummary(ctx, {
    month: overrides.month ?? '2026-02',
    departmentId,
    highlights: overrides.highlights ?? '完成重点任务台账梳理',
    problems: '个别任务进度偏慢',
    nextPlan: '加快推进剩余任务',
  });
  if (overrides.status === 'accepted') return acceptMonthlySummary(ctx, submitted.id, { version: submitted.version });
  if (overrides.status === 'returned') return returnMonthlySummary(ctx, submitted.id, { version: submitted.version, reason: '请补充数据' });
  return submitted;
}

/** 典型经验: submitted through the summaries service as the system for the test clock's half year; selected when asked. */
export async function buildExperience(
  t: TestApp,
  overrides: { departmentId?: string; title?: string; text?: string; selected?: boolean } = {},
) {
  const departmentId = overrides.departmentId ?? (await buildDepartment(t)).id;
  const ctx = ctxOf(t);
  const row = await submitExperience(ctx, {
    departmentId,
    title: overrides.title ?? unique('典型经验'),
    text: overrides.text ?? '坚持一线工作法，问题在一线发现、在一线解决。',
  });
  return overrides.selected ? selectExperience(ctx, row.id, { version: row.version, selected: true }) : row;
}

/**
 * 季度通报: a quarter's bulletin as the office would make it (through the bulletins services, as the
 * system): of a new plan of 2025 for its fourth quarter — ended by the test clock's day — with one task
 * assigned in it and overdue at its end, so that a department is ranked; drafted, or taken on to
 * review or publication when asked.
 */
export async function buildBulletin(t: TestApp, opts: { status?: 'draft' | 'review' | 'published' } = {}) {
  const ctx = ctxOf(t);
  const plan = await buildPlan(t, { year: 2025, startDate: '2025-01-01', endDate: '2025-12-31' });
  const now = t.clock.now();
  t.clock.set(new Date('2025-11-03T01:00:00Z')); // the task is made and assigned within the quarter
  try {
    const measure = await buildMeasure(t, { programmeId: (await buildProgramme(t, { planId: plan.id })).id });
    const task = await buildTask(t, { measureId: measure.id, startDate: '2025-11-03', dueDate: '2025-12-15' });
    await takeStep(ctx, task.id, { action: 'assign', version: task.version });
  } finally {
    t.clock.set(now);
  }
  const draft = await draftBulletin(ctx, { planId: plan.id, year: 2025, quarter: 4 });
  if (!opts.status || opts.status === 'draft') return draft;
  const review = await submitBulletin(ctx, draft.id, draft.version);
  return opts.status === 'review' ? review : publishBulletin(ctx, review.id, { version: review.version });
}
