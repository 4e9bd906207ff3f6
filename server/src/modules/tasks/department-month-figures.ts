import type { Executor } from '../../platform/db/database.ts';
import { departmentMonthRepo, type MonthBounds } from './department-month-figures.repo.ts';

/**
 * What the monthly summaries (一月一小结, modules/summaries) read of the supervision module: each
 * department's own tasks (as lead department) over a month, and the tasks it closed in it.
 */
export type DepartmentMonthFigures = {
  /** closed within the month */
  closed: number;
  /** of those, by the original due date (逾期办结 counts against it) */
  closedOnTime: number;
  /** not closed when the month ended */
  open: number;
  /** of those, due by the month's last day (逾期未办结) */
  overdue: number;
};

/** The UTC bounds of the calendar days `start` … `end` in Asia/Shanghai (no daylight saving there). */
function monthBounds(departmentIds: string[], start: string, end: string): MonthBounds {
  const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`).getTime();
  return {
    departmentIds,
    from: new Date(midnight(start)).toISOString(),
    to: new Date(midnight(end) + 86_400_000).toISOString(),
    lastDay: end,
  };
}

const NONE: DepartmentMonthFigures = { closed: 0, closedOnTime: 0, open: 0, overdue: 0 };

/** Per department asked (every one of them, zeros when it had no work), in one grouped query. */
export async function departmentMonthFigures(
  db: Executor,
  q: { departmentIds: string[]; start: string; end: string },
): Promise<Map<string, DepartmentMonthFigures>> {
  const out = new Map(q.departmentIds.map((id) => [id, { ...NONE }]));
  if (q.departmentIds.length === 0) return out;
  for (const r of await departmentMonthRepo.byDepartment(db, monthBounds(q.departmentIds, q.start, q.end))) {
    out.set(r.leadDepartmentId, {
      closed: Number(r.closed),
      closedOnTime: Number(r.closedOnTime),
      open: Number(r.open),
      overdue: Number(r.overdue),
    });
  }
  return out;
}

/** The tasks a department closed in the month (for the highlights its summary suggests), at most `limit`. */
export async function tasksClosedInMonth(db: Executor, q: { departmentId: string; start: string; end: string; limit: number }) {
  const rows = await departmentMonthRepo.closedBy(db, monthBounds([q.departmentId], q.start, q.end), q.limit);
  return rows.map((r) => ({ code: r.code, title: r.title, onTime: Number(r.onTime) === 1 }));
}
