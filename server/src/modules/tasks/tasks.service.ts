import type { Executor } from '../../platform/db/database.ts';
import { measureById } from '../plan/index.ts';
import type { z } from 'zod';
import {
  TASK_SEARCH_CAP,
  TaskCreateBody as CreateSchema,
  TaskStatus,
  detailMessage,
  type BoardQuery,
  type TaskCreateBody,
  type TaskExportQuery,
  type TaskUpdateBody,
  type WarningColor,
} from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { DomainError, duplicate, forbidden, invalid, notFound, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { iso } from '../../platform/clock.ts';
import { filesRepo } from './evidence.repo.ts';
import { bigrams, MIN_SEARCH_CHARS } from '../../platform/search/bigrams.ts';
import { postIdsActedBy } from '../org/index.ts';
import { leadInScope, tasksRepo, type TaskFilter, type TaskRow, type TaskVisibility } from './tasks.repo.ts';
import { taskEventsRepo } from './task-events.repo.ts';
import { taskCountersRepo } from './task-counters.repo.ts';
import { taskCodesRepo } from './task-codes.repo.ts';
import { taskPolicy, type TaskAccess } from './tasks.policy.ts';
import { EDITABLE, STATUS_LABELS } from './task-lifecycle.ts';
import { accessOf, boardViews, EMPTY_GRADE, taskViews, today, type TaskView } from './task-views.service.ts';
import { assertTaskInput, type TaskInput } from './task-input.service.ts';
import { saveTask } from './task-write.service.ts';
import { assertTruthfulDueDate } from './task-dates.service.ts';
import { taskDetail, type TaskDetailView } from './task-detail.service.ts';
import { listItems, type ListItem } from './task-list-items.cache.ts';
import { WARNING_RANK } from './warnings.rules.ts';
import { deskFilterOf } from './task-desk.filter.ts';

const actorOf = (ctx: Ctx) => ctx.actor!;
export type TaskListQuery = z.output<typeof TaskExportQuery> & { page?: number; pageSize?: number };

/** Which tasks the actor may see, resolved once for a query (for `f`, when given). */
export async function visibilityOf(ctx: Ctx, f?: TaskFilter): Promise<TaskVisibility> {
  const a = actorOf(ctx);
  if (a.scope.all) return { all: true };
  // one department in scope: its tasks are visible whoever handles them, the posts do not matter
  const postsMatter = !f || !leadInScope(a.scope.departmentIds, f);
  const postIds = a.personId && postsMatter ? await postIdsActedBy(ctx.db, a.personId) : [];
  return { all: false, departmentIds: a.scope.departmentIds, postIds, personId: a.personId };
}

/**
 * 检索 by the index of character pairs: a query needs two characters (letters or digits) — one
 * character is in most titles and has no pair to look up — so a shorter one is refused with a
 * message that says what to type, rather than scanning every task.
 */
function searchOf(q: string | undefined, cap: number): TaskFilter['search'] {
  if (!q) return undefined;
  const grams = bigrams(q);
  if (grams.length === 0)
    throw new DomainError('search_too_short', 400, { min: MIN_SEARCH_CHARS }, [{ path: 'querystring.q', message: 'search_too_short' }]);
  return { grams, cap };
}

/** The list's filters and preset views as SQL filters; null when the view can match nothing. */
async function filterOf(ctx: Ctx, q: TaskListQuery, searchCap: number): Promise<TaskFilter | null> {
  const a = actorOf(ctx);
  const f: TaskFilter = {
    planId: q.planId,
    programmeId: q.programmeId,
    measureId: q.measureId,
    departmentId: q.departmentId,
    leaderPersonId: q.leaderPersonId,
    status: q.status,
    warning: q.warning,
    search: searchOf(q.q, searchCap),
    open: q.open === undefined ? undefined : q.open === 'true',
    tagged: q.tagged === undefined ? undefined : q.tagged === 'true',
  };
  if (q.handlerPersonId) {
    f.postIds = await postIdsActedBy(ctx.db, q.handlerPersonId);
    f.handlerPersonId = q.handlerPersonId;
  }
  // a draft is the office's until it is assigned: the handling side's own lists (我的 / 本部门) leave it out
  if (q.view === 'mine') {
    if (!a.personId) return null;
    f.mine = { personId: a.personId, postIds: await postIdsActedBy(ctx.db, a.personId) };
    f.notDraft = true;
  } else if (q.view === 'my_department') {
    if (!a.departmentId) return null;
    f.ofDepartment = a.departmentId;
    f.notDraft = true;
  } else if (q.view === 'overdue') {
    f.overdueBefore = today(ctx);
  }
  if (q.desk) {
    const desk = await deskFilterOf(ctx, q.desk);
    if (!desk) return null;
    Object.assign(f, desk);
  }
  return f;
}

/** One page of the tasks the actor may see (data scope in SQL), with their views. */
export async function listTasks(ctx: Ctx, q: TaskListQuery & { page: number; pageSize: number }, searchCap = TASK_SEARCH_CAP) {
  const f = await filterOf(ctx, q, searchCap);
  if (!f) return { items: [] as TaskView[], total: 0, totalCapped: false };
  const { items, total, totalCapped } = await tasksRepo.page(ctx.db, await visibilityOf(ctx, f), f, q.sort, pageOf(q));
  return { items: await taskViews(ctx, items), total, totalCapped };
}

/** The same page for the task list: ids and versions from SQL, each version of a task presented once (task-list-items.cache.ts). */
export async function listTaskItems(ctx: Ctx, q: TaskListQuery & { page: number; pageSize: number }) {
  const f = await filterOf(ctx, q, TASK_SEARCH_CAP);
  if (!f) return { items: [] as ListItem[], total: 0, totalCapped: false };
  const { items, total, totalCapped } = await tasksRepo.pageKeys(ctx.db, await visibilityOf(ctx, f), f, q.sort, pageOf(q));
  return { items: await listItems(ctx, items), total, totalCapped };
}

const pageOf = (q: { page: number; pageSize: number }) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

export const EXPORT_LIMIT = 20_000;
/** Every task matching the filters (up to EXPORT_LIMIT), for the XLSX export. */
export async function allTasksMatching(ctx: Ctx, q: TaskListQuery): Promise<TaskView[]> {
  return (await listTasks(ctx, { ...q, page: 1, pageSize: EXPORT_LIMIT }, EXPORT_LIMIT)).items;
}

/** A task the actor may see, with what the policy needs; 404 otherwise. */
export async function loadTask(ctx: Ctx, id: string): Promise<{ row: TaskRow; access: TaskAccess }> {
  const row = await tasksRepo.byId(ctx.db, id);
  if (!row) throw notFound();
  const access = await accessOf(ctx.db, row);
  taskPolicy.assertVisible(actorOf(ctx), access);
  return { row, access };
}

export async function getTask(ctx: Ctx, id: string): Promise<TaskDetailView> {
  const { row } = await loadTask(ctx, id);
  return taskDetail(ctx, row);
}

export async function taskHistory(ctx: Ctx, id: string) {
  await loadTask(ctx, id);
  const events = await taskEventsRepo.ofTask(ctx.db, id);
  const files = await filesRepo.byIds(
    ctx.db,
    events.flatMap((e) => JSON.parse(e.fileIds) as string[]),
  );
  return { events, files: new Map(files.map((f) => [f.id, f])) };
}

const milestoneRows = (taskId: string, list: { name: string; dueDate: string }[]) =>
  list.map((m, sort) => ({
    id: newId(),
    taskId,
    name: m.name,
    dueDate: m.dueDate,
    sort,
    doneAt: null,
    doneByUserId: null,
    doneByName: null,
  }));

/**
 * A code the plan does not use yet: `<measure code>-01`, `-02` … The number comes from the
 * measure's counter row (taskCodesRepo.take), which serialises concurrent creates on PostgreSQL
 * — reading the codes in use and inserting let two of them pick the same code, and the unique
 * index refused one. A number already taken (typed by hand, imported) or `reserved` (typed further
 * down an import file) is skipped, and the counter moves past it.
 */
export async function nextTaskCode(
  tx: TxCtx,
  planId: string,
  measureCode: string,
  reserved: ReadonlySet<string> = new Set(),
): Promise<string> {
  const prefix = `${measureCode}-`;
  const codeOf = (n: number) => `${prefix}${String(n).padStart(2, '0')}`;
  const n = await taskCodesRepo.take(tx.db, planId, prefix);
  if (!reserved.has(codeOf(n)) && !(await tasksRepo.byCode(tx.db, planId, codeOf(n)))) return codeOf(n);
  const taken = new Set([...reserved, ...(await tasksRepo.codesWithPrefix(tx.db, planId, prefix))]);
  let free = n + 1;
  while (taken.has(codeOf(free))) free++;
  await taskCodesRepo.skipTo(tx.db, planId, prefix, free);
  return codeOf(free);
}

/** A new task (草稿) under a measure, optionally a sub-task of another. */
export async function createTask(ctx: Ctx, input: TaskCreateBody): Promise<TaskRow> {
  const body = CreateSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const draft: TaskAccess = {
      status: 'draft',
      leadDepartmentId: body.leadDepartmentId,
      cooperatingDepartmentIds: [],
      handlerPersonId: null,
      leaderPersonId: null,
      headPersonId: null,
      extensionPending: false,
    };
    if (!taskPolicy.allowed(actorOf(tx), 'office', draft)) throw forbidden();
    const measure = await measureById(tx.db, body.measureId);
    if (!measure) throw invalid([{ path: 'body.measureId', message: detailMessage('unknown_ref', tx.lang) }]);
    if (body.parentId) {
      const parent = await tasksRepo.byId(tx.db, body.parentId);
      if (!parent || parent.measureId !== measure.id)
        throw invalid([{ path: 'body.parentId', message: detailMessage('unknown_ref', tx.lang) }]);
    }
    const input: TaskInput = {
      leadDepartmentId: body.leadDepartmentId,
      cooperatingDepartmentIds: [...new Set(body.cooperatingDepartmentIds)],
      responsiblePostId: body.responsiblePostId ?? null,
      leaderPersonId: body.leaderPersonId ?? null,
      startDate: body.startDate,
      dueDate: body.dueDate,
      milestones: body.milestones,
    };
    await assertTaskInput(tx, input);
    await assertTruthfulDueDate(tx, { planId: measure.planId, dueDate: body.dueDate, backfill: body.backfill });
    if (body.code && (await tasksRepo.byCode(tx.db, measure.planId, body.code))) throw duplicate('body.code', body.code);
    const now = iso(tx.clock.now());
    const row: TaskRow = {
      id: newId(),
      planId: measure.planId,
      programmeId: measure.programmeId,
      measureId: measure.id,
      parentId: body.parentId ?? null,
      code: body.code || (await nextTaskCode(tx, measure.planId, measure.code)),
      title: body.title,
      statement: body.statement,
      deliverables: body.deliverables,
      leadDepartmentId: input.leadDepartmentId,
      responsiblePostId: input.responsiblePostId,
      leaderPersonId: input.leaderPersonId,
      startDate: body.startDate,
      dueDate: body.dueDate,
      weight: body.weight,
      status: 'draft',
      isOpen: 1,
      progress: 0,
      warning: 'none',
      warningSince: null,
      tagged: body.tagged ? 1 : 0,
      grade: JSON.stringify(EMPTY_GRADE),
      version: 1,
      createdBy: actorOf(tx).userId,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      handlerPersonId: null,
      ownProgress: 0,
      originalDueDate: null,
      closedLateDays: null,
    };
    return insertTask(tx, row, input);
  });
}

/** Insert a checked task row with its cooperators and milestones (also used by the plan import and the seed). */
export async function insertTask(
  tx: TxCtx,
  row: TaskRow,
  input: Pick<TaskInput, 'cooperatingDepartmentIds' | 'milestones'>,
): Promise<TaskRow> {
  const saved = await saveTask(tx, null, row, {
    action: 'task.create',
    event: { kind: 'create', toStatus: row.status },
    audit: { cooperatingDepartmentIds: input.cooperatingDepartmentIds, milestones: input.milestones },
  });
  await tasksRepo.setCooperators(tx.db, row.id, input.cooperatingDepartmentIds);
  await tasksRepo.setMilestones(tx.db, row.id, milestoneRows(row.id, input.milestones));
  return saved;
}

/** The office edits a task while it is a draft, assigned (not yet accepted) or refused. */
export async function updateTask(ctx: Ctx, id: string, patch: TaskUpdateBody): Promise<TaskRow> {
  return inTransaction(ctx, async (tx) => {
    const { row: before, access } = await loadTask(tx, id);
    taskPolicy.assert(actorOf(tx), 'office', access);
    if (patch.version !== before.version) throw versionConflict();
    const status = before.status as TaskStatus;
    if (!EDITABLE.has(status))
      throw new DomainError('task_not_editable', 409, { status: STATUS_LABELS[status].zh, statusEn: STATUS_LABELS[status].en });
    const milestones = (await tasksRepo.milestonesOf(tx.db, [id])).get(id) ?? [];
    const input: TaskInput = {
      leadDepartmentId: patch.leadDepartmentId ?? before.leadDepartmentId,
      cooperatingDepartmentIds: patch.cooperatingDepartmentIds
        ? [...new Set(patch.cooperatingDepartmentIds)]
        : access.cooperatingDepartmentIds,
      responsiblePostId: patch.responsiblePostId !== undefined ? patch.responsiblePostId : before.responsiblePostId,
      leaderPersonId: patch.leaderPersonId !== undefined ? patch.leaderPersonId : before.leaderPersonId,
      startDate: patch.startDate ?? before.startDate,
      dueDate: patch.dueDate ?? before.dueDate,
      milestones: patch.milestones ?? milestones.map((m) => ({ name: m.name, dueDate: m.dueDate })),
    };
    await assertTaskInput(tx, input);
    if (input.dueDate !== before.dueDate || patch.backfill)
      await assertTruthfulDueDate(tx, { planId: before.planId, dueDate: input.dueDate, backfill: patch.backfill });
    if (patch.code && patch.code !== before.code && (await tasksRepo.byCode(tx.db, before.planId, patch.code)))
      throw duplicate('body.code', patch.code);
    const next: TaskRow = {
      ...before,
      leadDepartmentId: input.leadDepartmentId,
      responsiblePostId: input.responsiblePostId,
      // a post chosen by the office takes over from a person the task was dispatched to (分办)
      handlerPersonId:
        input.responsiblePostId !== before.responsiblePostId || input.leadDepartmentId !== before.leadDepartmentId
          ? null
          : before.handlerPersonId,
      leaderPersonId: input.leaderPersonId,
      startDate: input.startDate,
      dueDate: input.dueDate,
      code: patch.code || before.code,
      title: patch.title ?? before.title,
      statement: patch.statement ?? before.statement,
      deliverables: patch.deliverables ?? before.deliverables,
      weight: patch.weight ?? before.weight,
      tagged: patch.tagged === undefined ? before.tagged : patch.tagged ? 1 : 0,
    };
    const saved = await saveTask(tx, before, next, {
      action: 'task.update',
      event: { kind: 'update' },
      audit: { cooperatingDepartmentIds: input.cooperatingDepartmentIds, milestones: input.milestones },
    });
    if (patch.cooperatingDepartmentIds) await tasksRepo.setCooperators(tx.db, id, input.cooperatingDepartmentIds);
    if (patch.milestones) await tasksRepo.setMilestones(tx.db, id, milestoneRows(id, input.milestones));
    return saved;
  });
}

const zeroCounts = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
// every status of the contract, so a new step of the life cycle is counted (at 0) without a change here
const STATUSES = TaskStatus.options;
const COLOURS = ['none', 'blue', 'yellow', 'red'] as const;

/** 挂牌作战 counts by status and colour of every tagged task the actor may see, not just those on the wall (drafts left out: `f`). */
async function boardCounts(ctx: Ctx, visibility: TaskVisibility, f: TaskFilter) {
  const counts = visibility.all
    ? await taskCountersRepo.countsBy(ctx.db, { ...f, departmentIds: f.departmentId ? [f.departmentId] : undefined })
    : await tasksRepo.countsByStatusAndWarning(ctx.db, visibility, f);
  const byStatus = zeroCounts(STATUSES);
  const byWarning = zeroCounts(COLOURS);
  for (const c of counts) {
    byStatus[c.status as TaskStatus] += Number(c.n);
    byWarning[c.warning as WarningColor] += Number(c.n);
  }
  return { byStatus, byWarning };
}

/**
 * 挂牌作战 board: the `limit` most urgent tagged tasks the actor may see (stored colour, then due
 * date), ordered on the wall by today's colour; the counts and the total cover every one of them —
 * from the counters when the actor sees everything.
 */
export async function taskBoard(ctx: Ctx, q: z.output<typeof BoardQuery>) {
  const f: TaskFilter = {
    planId: q.planId,
    programmeId: q.programmeId,
    departmentId: q.departmentId,
    leaderPersonId: q.leaderPersonId,
    tagged: true,
    // a draft is not yet anyone's to fight: it stays in the office's plan and all-tasks lists
    notDraft: true,
  };
  const visibility = await visibilityOf(ctx);
  const [rows, counts] = await Promise.all([tasksRepo.mostUrgent(ctx.db, visibility, f, q.limit), boardCounts(ctx, visibility, f)]);
  const items = await boardViews(ctx, rows);
  items.sort(
    (a, b) => WARNING_RANK[b.assessment.warning] - WARNING_RANK[a.assessment.warning] || a.row.dueDate.localeCompare(b.row.dueDate),
  );
  const total = Object.values(counts.byStatus).reduce((sum, n) => sum + n, 0);
  return { items, counts, total, truncated: total > items.length };
}

/** For the demo seed, which writes as the system: a task row and a plan's tasks, unscoped. */
export const taskRowById = (db: Executor, id: string) => tasksRepo.byId(db, id);
export const tasksOfPlan = (db: Executor, planId: string) => tasksRepo.ofPlan(db, planId);
