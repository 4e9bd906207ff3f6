import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

/**
 * A plan's tasks over a period, per lead department, for the quarterly bulletin (一季一通报): one
 * GROUP BY over the plan's tasks and one over the period's returns, never a query per department —
 * 2,000 departments and a million tasks are a few hundred milliseconds of SQL. Instants are the
 * period's bounds in UTC ([from, to): Asia/Shanghai midnights); `lastDay` is its last calendar day.
 */
export type PeriodBounds = { planId: string; from: string; to: string; lastDay: string };

/** Raw SQL (snake_case): closed within the period. */
const closedIn = (p: PeriodBounds) => sql<SqlBool>`status = 'closed' and closed_at >= ${p.from} and closed_at < ${p.to}`;
/** 按期: the close-out's own verdict, or for a task closed before it was kept, by its original due date's end in Shanghai. */
const onTime = sql<SqlBool>`(closed_late_days = 0 or (closed_late_days is null and closed_at < (coalesce(original_due_date, due_date) || 'T16:00:00.000Z')))`;
/** Open when the period ended (not closed by then; a task reopened since counts as open) and due by its last day. */
const overdueWhenEnded = (p: PeriodBounds) => sql<SqlBool>`(closed_at is null or closed_at >= ${p.to}) and due_date <= ${p.lastDay}`;

/** Assigned (not a draft), made before the period ended and not closed before it began: the period's work. */
const inPlay = (db: Executor, p: PeriodBounds) =>
  db
    .selectFrom('tasks')
    .where('planId', '=', p.planId)
    .where('status', '!=', 'draft')
    .where('createdAt', '<', p.to)
    .where((eb) => eb.or([eb('closedAt', 'is', null), eb('closedAt', '>=', p.from)]));

const count = (condition: RawBuilder<SqlBool>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;

export const taskQuarterRepo = {
  /** Closed, closed on time, overdue at the end and red now, per lead department. */
  byDepartment: (db: Executor, p: PeriodBounds) =>
    inPlay(db, p)
      .select([
        'leadDepartmentId',
        count(closedIn(p)).as('closed'),
        count(sql<SqlBool>`${closedIn(p)} and ${onTime}`).as('closedOnTime'),
        count(overdueWhenEnded(p)).as('overdue'),
        count(sql<SqlBool>`is_open = 1 and warning = 'red'`).as('red'),
      ])
      .groupBy('leadDepartmentId')
      .execute(),

  /** Close-outs the office returned (退回重办) within the period, per the task's lead department. */
  returnedByDepartment: (db: Executor, p: PeriodBounds) =>
    db
      .selectFrom('taskEvents')
      .innerJoin('tasks', 'tasks.id', 'taskEvents.taskId')
      .select(['tasks.leadDepartmentId', (eb) => eb.fn.countAll<number>().as('returned')])
      .where('taskEvents.kind', '=', 'return')
      .where('taskEvents.at', '>=', p.from)
      .where('taskEvents.at', '<', p.to)
      .where('tasks.planId', '=', p.planId)
      .groupBy('tasks.leadDepartmentId')
      .execute(),

  /** The overdue items at the period's end, the longest overdue first, at most `limit`. */
  overdueAtEnd: (db: Executor, p: PeriodBounds, limit: number) =>
    inPlay(db, p)
      .where(overdueWhenEnded(p))
      .select(['id', 'code', 'title', 'leadDepartmentId', 'dueDate'])
      .orderBy('dueDate')
      .orderBy('code')
      .orderBy('id')
      .limit(limit)
      .execute(),
};
