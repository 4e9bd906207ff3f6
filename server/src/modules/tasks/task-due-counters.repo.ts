import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { TasksTable } from '../../platform/db/schema.ts';

/**
 * 按期办结: tasks counted by lead department, plan, the due date that counts and outcome — open,
 * closed on time, closed late — moved in the same transaction as every task write (through
 * taskCountersRepo.apply), so the desk's on-time rate reads a few rows instead of the tasks.
 */
export type DueCounted = Pick<TasksTable, 'planId' | 'leadDepartmentId' | 'dueDate' | 'status' | 'closedAt'> & {
  /** before the first granted extension (延期): lateness is measured against it */
  originalDueDate?: string | null;
  /** at close-out, working days after the due date that counts (逾期办结); 0 on time */
  closedLateDays?: number | null;
};
export type DueOutcome = 'open' | 'on_time' | 'late';

/** The due date a task is held to: the original one when it was extended. */
export const dueDateThatCounts = (t: DueCounted) => t.originalDueDate ?? t.dueDate;

/** Shanghai's calendar date of a UTC instant (no daylight saving time there). */
const shanghaiDay = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);

/** Drafts are nobody's work yet and count nowhere. */
export function outcomeOf(t: DueCounted): DueOutcome | null {
  if (t.status === 'draft') return null;
  if (t.status !== 'closed') return 'open';
  // the close-out's own verdict when it gave one (working days, as 逾期办结 counts them), else the dates
  if (t.closedLateDays !== undefined && t.closedLateDays !== null) return t.closedLateDays === 0 ? 'on_time' : 'late';
  return t.closedAt && shanghaiDay(t.closedAt) <= dueDateThatCounts(t) ? 'on_time' : 'late';
}

const keyOf = (t: DueCounted) => {
  const outcome = outcomeOf(t);
  return outcome && { leadDepartmentId: t.leadDepartmentId, planId: t.planId, dueDate: dueDateThatCounts(t), outcome };
};

async function bump(db: Executor, key: NonNullable<ReturnType<typeof keyOf>>, sign: 1 | -1) {
  await db
    .insertInto('taskDueCounters')
    .values({ ...key, taskCount: sign })
    .onConflict((oc) =>
      oc
        .columns(['leadDepartmentId', 'planId', 'dueDate', 'outcome'])
        .doUpdateSet((eb) => ({ taskCount: eb('taskDueCounters.taskCount', '+', eb.ref('excluded.taskCount')) })),
    )
    .execute();
}

export type DueCountRow = { dueDate: string; outcome: DueOutcome; n: number };

export const taskDueCountersRepo = {
  /** Move one task from its old key to its new one (either may be null: created, or a draft). */
  async apply(db: Executor, before: DueCounted | null, after: DueCounted | null) {
    const [from, to] = [before && keyOf(before), after && keyOf(after)];
    if (JSON.stringify(from) === JSON.stringify(to)) return;
    if (from) await bump(db, from, -1);
    if (to) await bump(db, to, 1);
  },

  /** Counts by due date and outcome over a range of due dates, for departments (null: all) and a plan. */
  async byDueDate(db: Executor, f: { from: string; to: string; departmentIds: string[] | null; planId?: string }): Promise<DueCountRow[]> {
    let q = db
      .selectFrom('taskDueCounters')
      .select(['dueDate', 'outcome', (eb) => eb.fn.sum<number>('taskCount').as('n')])
      .where('dueDate', '>=', f.from)
      .where('dueDate', '<=', f.to)
      .groupBy(['dueDate', 'outcome']);
    if (f.planId) q = q.where('planId', '=', f.planId);
    if (f.departmentIds) q = f.departmentIds.length ? q.where('leadDepartmentId', 'in', f.departmentIds) : q.where(sql<SqlBool>`1 = 0`);
    const rows = await q.execute();
    return rows.map((r) => ({ dueDate: r.dueDate, outcome: r.outcome as DueOutcome, n: Number(r.n) })).filter((r) => r.n !== 0);
  },
};
