import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { WarningColor } from '@qinlian/contracts';
import type { Executor } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import { engineOf } from '../../platform/db/engine.ts';
import { writeEpoch } from '../../platform/db/write-epoch.ts';
import type { DB, TaskMilestonesTable, TasksTable } from '../../platform/db/schema.ts';
import { taskSearchRepo } from './task-search.repo.ts';

export type TaskRow = TasksTable;

/** Moves on after every committed task write (milestones, cooperators and the counters are written with the row). */
export const tasksEpoch = writeEpoch('tasks');
export type MilestoneRow = TaskMilestonesTable;

/** Who may see which tasks, resolved before the query: all, or by departments / posts / person. */
export type TaskVisibility = { all: true } | { all: false; departmentIds: string[]; postIds: string[]; personId: string | null };

/** The list filters as SQL needs them (ids already resolved: a handler becomes the posts they act for). */
export type TaskFilter = {
  planId?: string;
  programmeId?: string;
  measureId?: string;
  departmentId?: string;
  leaderPersonId?: string;
  /** handled by: the posts a person acts for, or tasks dispatched to them (分办) */
  postIds?: string[];
  handlerPersonId?: string;
  status?: string;
  open?: boolean;
  warning?: string;
  tagged?: boolean;
  /**
   * 检索: the query's character pairs, looked up in the search index. A common pair can match most
   * of a million tasks, so only the first `cap` matches (in index order) are counted and sorted.
   */
  search?: { grams: string[]; cap: number };
  /** due before this date and not closed or draft (逾期) */
  overdueBefore?: string;
  /** view "mine": the posts I act for, or I am the leader in charge */
  mine?: { postIds: string[]; personId: string };
  /** view "my department": led by it or cooperating */
  ofDepartment?: string;
  /** leave drafts out: the board, the wall and the handling side's own lists show work that was assigned */
  notDraft?: boolean;
  /** any of these statuses (the desk's sections: 待报送进展 is accepted or in progress) */
  statuses?: string[];
  /** the desk's "mine": led by one of these departments (null: any), on one of these posts, or dispatched to me (task-desk.filter.ts) */
  within?: DeskWithin;
  /** an extension request waits for the office (延期审批) */
  extensionPending?: boolean;
};
/**
 * Where the desk looks for my work: departments of my scope (null = all), the posts I act for (AB岗)
 * unless the task was dispatched to someone (分办), and the tasks dispatched to me.
 */
export type DeskWithin = { departmentIds: string[] | null; postIds: string[]; personId: string | null };
export type TaskSort = 'due' | 'updated' | 'warning' | 'code';

type Eb = ExpressionBuilder<DB, 'tasks'>;
const none = sql<SqlBool>`1 = 0`;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const cooperating = (eb: Eb, departmentIds: string[]) =>
  eb.exists(
    eb
      .selectFrom('taskCooperators')
      .select('taskCooperators.taskId')
      .whereRef('taskCooperators.taskId', '=', 'tasks.id')
      .where('taskCooperators.departmentId', 'in', departmentIds),
  );

function visible(eb: Eb, v: TaskVisibility): Expression<SqlBool> | null {
  if (v.all) return null;
  const any: Expression<SqlBool>[] = [];
  if (v.departmentIds.length) any.push(eb('tasks.leadDepartmentId', 'in', v.departmentIds), cooperating(eb, v.departmentIds));
  if (v.postIds.length) any.push(eb('tasks.responsiblePostId', 'in', v.postIds));
  if (v.personId) any.push(eb('tasks.leaderPersonId', '=', v.personId), eb('tasks.handlerPersonId', '=', v.personId));
  return any.length ? eb.or(any) : none;
}

/**
 * Tasks led by a department in scope are visible: filtered to one such department, nothing else
 * needs checking (and the posts the actor acts for need not be looked up).
 */
export const leadInScope = (departmentIds: readonly string[], f: Pick<TaskFilter, 'departmentId'>) =>
  !!f.departmentId && departmentIds.includes(f.departmentId);

function conditions(eb: Eb, v: TaskVisibility, f: TaskFilter): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  // without the scope condition a department's list is counted from its index alone
  const scope = !v.all && leadInScope(v.departmentIds, f) ? null : visible(eb, v);
  if (scope) all.push(scope);
  if (f.planId) all.push(eb('tasks.planId', '=', f.planId));
  if (f.programmeId) all.push(eb('tasks.programmeId', '=', f.programmeId));
  if (f.measureId) all.push(eb('tasks.measureId', '=', f.measureId));
  if (f.departmentId) all.push(eb('tasks.leadDepartmentId', '=', f.departmentId));
  if (f.leaderPersonId) all.push(eb('tasks.leaderPersonId', '=', f.leaderPersonId));
  if (f.postIds) {
    const handled: Expression<SqlBool>[] = [];
    if (f.postIds.length) handled.push(eb('tasks.responsiblePostId', 'in', f.postIds));
    if (f.handlerPersonId) handled.push(eb('tasks.handlerPersonId', '=', f.handlerPersonId));
    all.push(handled.length ? eb.or(handled) : none);
  }
  if (f.status) all.push(eb('tasks.status', '=', f.status));
  if (f.notDraft) all.push(eb('tasks.status', '!=', 'draft'));
  if (f.statuses) all.push(f.statuses.length ? eb('tasks.status', 'in', f.statuses) : none);
  if (f.within && f.within.departmentIds !== null) {
    const any: Expression<SqlBool>[] = [];
    if (f.within.departmentIds.length) any.push(eb('tasks.leadDepartmentId', 'in', f.within.departmentIds));
    if (f.within.postIds.length)
      any.push(eb.and([eb('tasks.responsiblePostId', 'in', f.within.postIds), eb('tasks.handlerPersonId', 'is', null)]));
    if (f.within.personId) any.push(eb('tasks.handlerPersonId', '=', f.within.personId));
    all.push(any.length ? eb.or(any) : none);
  }
  if (f.extensionPending)
    all.push(
      eb.exists(
        eb
          .selectFrom('taskExtensions')
          .select('taskExtensions.id')
          .whereRef('taskExtensions.taskId', '=', 'tasks.id')
          .where('taskExtensions.status', '=', 'pending'),
      ),
    );
  if (f.open !== undefined) all.push(eb('tasks.isOpen', '=', f.open ? 1 : 0));
  if (f.warning) all.push(eb('tasks.warning', '=', f.warning));
  if (f.tagged !== undefined) all.push(eb('tasks.tagged', '=', f.tagged ? 1 : 0));
  if (f.overdueBefore)
    all.push(eb.and([eb('tasks.isOpen', '=', 1), eb('tasks.status', '!=', 'draft'), eb('tasks.dueDate', '<', f.overdueBefore)]));
  if (f.mine) {
    const mine: Expression<SqlBool>[] = [
      eb('tasks.leaderPersonId', '=', f.mine.personId),
      eb('tasks.handlerPersonId', '=', f.mine.personId),
    ];
    if (f.mine.postIds.length) mine.push(eb('tasks.responsiblePostId', 'in', f.mine.postIds));
    all.push(eb.or(mine));
  }
  if (f.ofDepartment) all.push(eb.or([eb('tasks.leadDepartmentId', '=', f.ofDepartment), cooperating(eb, [f.ofDepartment])]));
  return eb.and(all);
}

/** The board's order of colours, most urgent first (WarningColor's values, every one). */
const URGENCY_ORDER = ['red', 'yellow', 'blue', 'none'] as const satisfies readonly WarningColor[];

const warningRank = sql<number>`case ${sql.ref('tasks.warning')} when 'red' then 0 when 'yellow' then 1 when 'blue' then 2 else 3 end`;

/** The matching tasks in the order asked for, and their count; a search joins its first `cap` + 1 index matches. */
function matching(db: Executor, v: TaskVisibility, f: TaskFilter, sort: TaskSort) {
  const filtered = db.selectFrom('tasks').where((eb) => conditions(eb, v, f));
  const { search } = f;
  // one past the cap tells that there are more
  const hits =
    search &&
    filtered
      .innerJoin(taskSearchRepo.matching(engineOf(db), search.grams).as('hit'), 'hit.taskId', 'tasks.id')
      .select('tasks.id')
      .limit(search.cap + 1);
  const base = hits ? db.selectFrom('tasks').where('tasks.id', 'in', hits) : filtered;
  const ordered =
    sort === 'due'
      ? base.orderBy('tasks.dueDate').orderBy('tasks.id')
      : sort === 'updated'
        ? base.orderBy('tasks.updatedAt', 'desc').orderBy('tasks.id')
        : sort === 'warning'
          ? base.orderBy(warningRank).orderBy('tasks.dueDate').orderBy('tasks.id')
          : base.orderBy('tasks.code').orderBy('tasks.id');
  const count = hits
    ? db.selectFrom(hits.as('hits')).select((eb) => eb.fn.countAll<number>().as('n'))
    : base.select((eb) => eb.fn.countAll<number>().as('n'));
  return { ordered, count };
}

/** A page with its total: a page that is not full and not past the end holds the last matches, so it needs no count. */
async function totalled<T>(
  items: T[],
  count: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> },
  f: TaskFilter,
  page: { limit: number; offset: number },
) {
  const n =
    items.length < page.limit && (items.length > 0 || page.offset === 0)
      ? page.offset + items.length
      : Number((await count.executeTakeFirstOrThrow()).n);
  const { search } = f;
  return search && n > search.cap ? { items, total: search.cap, totalCapped: true } : { items, total: n, totalCapped: false };
}

/** Tasks, their cooperating departments and milestones: the only SQL on these tables. */
export const tasksRepo = {
  /** A page of full rows and the total; with a search, of its first `cap` matches (`totalCapped` when there are more). */
  async page(db: Executor, v: TaskVisibility, f: TaskFilter, sort: TaskSort, page: { limit: number; offset: number }) {
    const { ordered, count } = matching(db, v, f, sort);
    return totalled(await ordered.selectAll('tasks').limit(page.limit).offset(page.offset).execute(), count, f, page);
  },
  /** The same page as ids and versions only (the list presents each version of a task once: task-list-items.cache.ts). */
  async pageKeys(db: Executor, v: TaskVisibility, f: TaskFilter, sort: TaskSort, page: { limit: number; offset: number }) {
    const { ordered, count } = matching(db, v, f, sort);
    return totalled(await ordered.select(['tasks.id', 'tasks.version']).limit(page.limit).offset(page.offset).execute(), count, f, page);
  },
  byId: (db: Executor, id: string) => db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst(),
  byIds(db: Executor, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([] as TaskRow[]);
    return db
      .selectFrom('tasks')
      .selectAll()
      .where('id', 'in', [...new Set(ids)])
      .execute();
  },
  byCode: (db: Executor, planId: string, code: string) =>
    db.selectFrom('tasks').selectAll().where('planId', '=', planId).where('code', '=', code).executeTakeFirst(),
  codesWithPrefix: (db: Executor, planId: string, prefix: string) =>
    db
      .selectFrom('tasks')
      .select('code')
      .where('planId', '=', planId)
      .where('code', 'like', `${escapeLike(prefix)}%`)
      .execute()
      .then((r) => r.map((x) => x.code)),
  ofPlan: (db: Executor, planId: string) => db.selectFrom('tasks').selectAll().where('planId', '=', planId).orderBy('code').execute(),
  /** A batch of tasks for the daily warning refresh, in id order after `afterId`. */
  batchAfter(db: Executor, afterId: string, limit: number, planId?: string) {
    let q = db.selectFrom('tasks').selectAll().where('id', '>', afterId).where('isOpen', '=', 1);
    if (planId) q = q.where('planId', '=', planId);
    return q.orderBy('id').limit(limit).execute();
  },
  /** Tasks in these statuses with these colours (automatic urging: yellow and red with the handler). */
  withWarnings: (db: Executor, statuses: string[], warnings: string[]) =>
    db
      .selectFrom('tasks')
      .selectAll()
      .where('status', 'in', statuses)
      .where('warning', 'in', warnings)
      .orderBy('dueDate')
      .orderBy('id')
      .execute(),
  /** Open red and yellow tasks of a plan led by one of `departmentIds` (null: any): red first, longest in its colour first; and how many (一周一调度). */
  async warnedOpen(db: Executor, planId: string, departmentIds: string[] | null, limit: number) {
    let q = db.selectFrom('tasks').where('planId', '=', planId).where('isOpen', '=', 1).where('warning', 'in', ['red', 'yellow']);
    if (departmentIds) q = departmentIds.length ? q.where('leadDepartmentId', 'in', departmentIds) : q.where(sql<SqlBool>`1 = 0`);
    const [rows, count] = await Promise.all([
      q.selectAll().orderBy('warning').orderBy('warningSince').orderBy('id').limit(limit).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },
  /**
   * The most urgent matching tasks — red, yellow, blue, then none; soonest due first — without a
   * count (the board): one query per colour, each an index range (tasks_board_idx) stopped at what
   * is still missing, never a sort of every match on a computed rank.
   */
  async mostUrgent(db: Executor, v: TaskVisibility, f: TaskFilter, limit: number): Promise<TaskRow[]> {
    const rows: TaskRow[] = [];
    for (const colour of URGENCY_ORDER) {
      if (rows.length >= limit) break;
      const more = await db
        .selectFrom('tasks')
        .where((eb) => conditions(eb, v, f))
        .where('tasks.warning', '=', colour)
        .selectAll('tasks')
        .orderBy('tasks.dueDate')
        .orderBy('tasks.id')
        .limit(limit - rows.length)
        .execute();
      rows.push(...more);
    }
    return rows;
  },
  /** Matching tasks counted by status and stored colour (the board of an actor who does not see everything). */
  countsByStatusAndWarning: (db: Executor, v: TaskVisibility, f: TaskFilter) =>
    db
      .selectFrom('tasks')
      .where((eb) => conditions(eb, v, f))
      .select(['tasks.status', 'tasks.warning', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['tasks.status', 'tasks.warning'])
      .execute(),
  insert(db: Executor, row: TaskRow) {
    tasksEpoch.changed(db);
    return db.insertInto('tasks').values(row).execute();
  },
  /** Optimistic update: false when the version moved on. */
  update(db: Executor, id: string, version: number, patch: Partial<TaskRow>) {
    tasksEpoch.changed(db);
    return updateVersioned(db, 'tasks', id, version, patch);
  },

  async cooperatorsOf(db: Executor, taskIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (taskIds.length === 0) return out;
    const rows = await db.selectFrom('taskCooperators').selectAll().where('taskId', 'in', taskIds).orderBy('departmentId').execute();
    for (const r of rows) out.set(r.taskId, [...(out.get(r.taskId) ?? []), r.departmentId]);
    return out;
  },
  /** The cooperating departments become these; a department that stays keeps its sub-item (协办 progress and report). */
  async setCooperators(db: Executor, taskId: string, departmentIds: string[]) {
    const current = new Set(
      (await db.selectFrom('taskCooperators').select('departmentId').where('taskId', '=', taskId).execute()).map((r) => r.departmentId),
    );
    const gone = [...current].filter((d) => !departmentIds.includes(d));
    const added = departmentIds.filter((d) => !current.has(d));
    if (gone.length) await db.deleteFrom('taskCooperators').where('taskId', '=', taskId).where('departmentId', 'in', gone).execute();
    if (added.length)
      await db
        .insertInto('taskCooperators')
        .values(
          added.map((departmentId) => ({ taskId, departmentId, progress: 0, reportText: '', reportedAt: null, reportedByName: null })),
        )
        .execute();
  },

  async milestonesOf(db: Executor, taskIds: string[]): Promise<Map<string, MilestoneRow[]>> {
    const out = new Map<string, MilestoneRow[]>();
    if (taskIds.length === 0) return out;
    const rows = await db
      .selectFrom('taskMilestones')
      .selectAll()
      .where('taskId', 'in', taskIds)
      .orderBy('taskId')
      .orderBy('sort')
      .execute();
    for (const r of rows) out.set(r.taskId, [...(out.get(r.taskId) ?? []), r]);
    return out;
  },
  async setMilestones(db: Executor, taskId: string, rows: MilestoneRow[]) {
    await db.deleteFrom('taskMilestones').where('taskId', '=', taskId).execute();
    if (rows.length) await db.insertInto('taskMilestones').values(rows).execute();
  },
  milestoneOf: (db: Executor, taskId: string, milestoneId: string) =>
    db.selectFrom('taskMilestones').selectAll().where('id', '=', milestoneId).where('taskId', '=', taskId).executeTakeFirst(),
  markMilestone: (db: Executor, id: string, done: Pick<MilestoneRow, 'doneAt' | 'doneByUserId' | 'doneByName'>) =>
    db.updateTable('taskMilestones').set(done).where('id', '=', id).execute(),
};
