import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

/**
 * Some departments' tasks over one month, across every plan, for their monthly summaries (一月一小结):
 * one GROUP BY over the departments' own tasks (the lead-department index), never the whole table.
 * The rules are the quarterly bulletin's (task-quarter.repo.ts), so a month's figures add up to what
 * the bulletin prints for the quarter. `from`/`to` are the month's bounds in UTC ([from, to):
 * Asia/Shanghai midnights); `lastDay` its last calendar day.
 */
export type MonthBounds = { departmentIds: string[]; from: string; to: string; lastDay: string };

/** Raw SQL (snake_case): closed within the month. */
const closedIn = (m: MonthBounds) => sql<SqlBool>`status = 'closed' and closed_at >= ${m.from} and closed_at < ${m.to}`;
/** 按期: the close-out's own verdict, or for a task closed before it was kept, by its original due date's end in Shanghai. */
const onTime = sql<SqlBool>`(closed_late_days = 0 or (closed_late_days is null and closed_at < (coalesce(original_due_date, due_date) || 'T16:00:00.000Z')))`;
/** Not closed when the month ended (a task reopened since counts as open). */
const openAtEnd = (m: MonthBounds) => sql<SqlBool>`(closed_at is null or closed_at >= ${m.to})`;

const count = (condition: RawBuilder<SqlBool>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;

/** Assigned (not a draft), made before the month ended and not closed before it began: the month's work. */
const inPlay = (db: Executor, m: MonthBounds) =>
  db
    .selectFrom('tasks')
    .where('leadDepartmentId', 'in', m.departmentIds)
    .where('status', '!=', 'draft')
    .where('createdAt', '<', m.to)
    .where((eb) => eb.or([eb('closedAt', 'is', null), eb('closedAt', '>=', m.from)]));

export const departmentMonthRepo = {
  /** Closed, closed on time, open at the end and overdue at the end, per lead department. */
  byDepartment: (db: Executor, m: MonthBounds) =>
    inPlay(db, m)
      .select([
        'leadDepartmentId',
        count(closedIn(m)).as('closed'),
        count(sql<SqlBool>`${closedIn(m)} and ${onTime}`).as('closedOnTime'),
        count(openAtEnd(m)).as('open'),
        count(sql<SqlBool>`${openAtEnd(m)} and due_date <= ${m.lastDay}`).as('overdue'),
      ])
      .groupBy('leadDepartmentId')
      .execute(),

  /** The tasks one department closed in the month, in the order they were closed, at most `limit`. */
  closedBy: (db: Executor, m: MonthBounds, limit: number) =>
    inPlay(db, m)
      .where(closedIn(m))
      .select(['code', 'title', sql<number>`case when ${onTime} then 1 else 0 end`.as('onTime')])
      .orderBy('closedAt')
      .orderBy('id')
      .limit(limit)
      .execute(),
};
