import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { TaskRollupsTable, TasksTable } from '../../platform/db/schema.ts';
import { taskDueCountersRepo, type DueCounted } from './task-due-counters.repo.ts';

type CountedTask = Pick<
  TasksTable,
  | 'planId'
  | 'programmeId'
  | 'measureId'
  | 'leadDepartmentId'
  | 'leaderPersonId'
  | 'status'
  | 'warning'
  | 'tagged'
  | 'parentId'
  | 'weight'
  | 'progress'
  | 'closedLateDays'
>;

const COUNTER_KEY = [
  'planId',
  'programmeId',
  'measureId',
  'leadDepartmentId',
  'leaderKey',
  'status',
  'warning',
  'tagged',
  'topLevel',
] as const;

const counterKey = (t: CountedTask) => ({
  planId: t.planId,
  programmeId: t.programmeId,
  measureId: t.measureId,
  leadDepartmentId: t.leadDepartmentId,
  leaderKey: t.leaderPersonId ?? '',
  status: t.status,
  warning: t.warning,
  tagged: t.tagged ? 1 : 0,
  topLevel: t.parentId ? 0 : 1,
});
const sameKey = (a: CountedTask, b: CountedTask) => JSON.stringify(counterKey(a)) === JSON.stringify(counterKey(b));

async function bump(db: Executor, t: CountedTask, sign: 1 | -1) {
  const amounts = { taskCount: sign, weightSum: sign * t.weight, progressSum: sign * t.weight * t.progress };
  await db
    .insertInto('taskCounters')
    .values({ ...counterKey(t), ...amounts })
    .onConflict((oc) =>
      oc.columns([...COUNTER_KEY]).doUpdateSet((eb) => ({
        taskCount: eb('taskCounters.taskCount', '+', eb.ref('excluded.taskCount')),
        weightSum: eb('taskCounters.weightSum', '+', eb.ref('excluded.weightSum')),
        progressSum: eb('taskCounters.progressSum', '+', eb.ref('excluded.progressSum')),
      })),
    )
    .execute();
  if (t.parentId) return; // the roll-up counts top-level tasks: sub-tasks feed their parent's own reports
  // 逾期办结 stays counted as such whatever colour the closed task has now
  const closedLateCount = t.closedLateDays ? sign : 0;
  await db
    .insertInto('taskRollups')
    .values({
      measureId: t.measureId,
      status: t.status,
      warning: t.warning,
      planId: t.planId,
      programmeId: t.programmeId,
      ...amounts,
      closedLateCount,
    })
    .onConflict((oc) =>
      oc.columns(['measureId', 'status', 'warning']).doUpdateSet((eb) => ({
        taskCount: eb('taskRollups.taskCount', '+', eb.ref('excluded.taskCount')),
        weightSum: eb('taskRollups.weightSum', '+', eb.ref('excluded.weightSum')),
        progressSum: eb('taskRollups.progressSum', '+', eb.ref('excluded.progressSum')),
        closedLateCount: eb('taskRollups.closedLateCount', '+', eb.ref('excluded.closedLateCount')),
      })),
    )
    .execute();
}

/** A measure's roll-up counters of one colour, summed over status. */
export type RollupRow = Pick<TaskRollupsTable, 'measureId' | 'warning' | 'taskCount' | 'weightSum' | 'progressSum' | 'closedLateCount'>;

export type CounterFilter = {
  planId?: string;
  programmeId?: string;
  departmentIds?: string[];
  leaderPersonId?: string;
  tagged?: boolean;
  notDraft?: boolean;
};

/**
 * Counters kept in the same transaction as every task write (ARCHITECTURE "Data"): counts and
 * weighted progress by plan, programme, measure, lead department, leader, status, colour, tagged
 * and level — so boards and roll-ups read a few rows instead of grouping over all tasks.
 */
export const taskCountersRepo = {
  /** The roll-up counters of a plan summed over status: at most four rows (colours) per measure. */
  rollupRows: (db: Executor, planId: string) =>
    db
      .selectFrom('taskRollups')
      .where('planId', '=', planId)
      .groupBy(['measureId', 'warning'])
      .select((eb) => [
        'measureId',
        'warning',
        eb.fn.sum<number>('taskCount').as('taskCount'),
        eb.fn.sum<number>('weightSum').as('weightSum'),
        eb.fn.sum<number>('progressSum').as('progressSum'),
        eb.fn.sum<number>('closedLateCount').as('closedLateCount'),
      ])
      .execute(),
  /** Move one task's contribution from `before` to `after` (either may be null: created / removed). */
  async apply(db: Executor, before: (CountedTask & DueCounted) | null, after: (CountedTask & DueCounted) | null) {
    await taskDueCountersRepo.apply(db, before, after); // 按期办结 (the desk's on-time rate), whatever else changed
    if (
      before &&
      after &&
      sameKey(before, after) &&
      before.weight === after.weight &&
      before.progress === after.progress &&
      !before.closedLateDays === !after.closedLateDays
    )
      return;
    if (before) await bump(db, before, -1);
    if (after) await bump(db, after, 1);
  },

  /** Counts by status and by colour for the filter, summed over the matching counter rows. */
  async countsBy(db: Executor, f: CounterFilter) {
    let q = db
      .selectFrom('taskCounters')
      .select(['status', 'warning', (eb) => eb.fn.sum<number>('taskCount').as('n')])
      .groupBy(['status', 'warning']);
    if (f.planId) q = q.where('planId', '=', f.planId);
    if (f.programmeId) q = q.where('programmeId', '=', f.programmeId);
    if (f.departmentIds) q = f.departmentIds.length ? q.where('leadDepartmentId', 'in', f.departmentIds) : q.where(sql<SqlBool>`1 = 0`);
    if (f.leaderPersonId) q = q.where('leaderKey', '=', f.leaderPersonId);
    if (f.tagged !== undefined) q = q.where('tagged', '=', f.tagged ? 1 : 0);
    if (f.notDraft) q = q.where('status', '!=', 'draft');
    const rows = await q.execute();
    return rows.map((r) => ({ status: r.status, warning: r.warning, n: Number(r.n) }));
  },
};
