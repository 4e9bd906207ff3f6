import type { Executor } from '../../platform/db/database.ts';
import { taskQuarterRepo, type PeriodBounds } from './task-quarter.repo.ts';

/**
 * What the quarterly bulletin (一季一通报, modules/bulletins) reads of the supervision module: each lead
 * department's figures over a period of a plan, and the items overdue at its end. Grouped SQL over the
 * plan's tasks (task-quarter.repo.ts); the figures are those of the tasks as they stand when asked.
 */
export type DepartmentPeriodFigures = {
  departmentId: string;
  /** closed within the period */
  closed: number;
  /** of those, by the original due date (逾期办结 counts against it) */
  closedOnTime: number;
  /** open at the period's end and due by its last day */
  overdue: number;
  /** open and red now */
  red: number;
  /** close-outs returned (退回重办) within the period */
  returned: number;
};

/** The UTC bounds of calendar days `start` … `end` in Asia/Shanghai (no daylight saving there). */
export function periodBounds(planId: string, start: string, end: string): PeriodBounds {
  const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`).getTime();
  return {
    planId,
    from: new Date(midnight(start)).toISOString(),
    to: new Date(midnight(end) + 86_400_000).toISOString(),
    lastDay: end,
  };
}

/** Per lead department with any work in the period (or a return in it); two grouped queries in all. */
export async function departmentPeriodFigures(
  db: Executor,
  q: { planId: string; start: string; end: string },
): Promise<DepartmentPeriodFigures[]> {
  const p = periodBounds(q.planId, q.start, q.end);
  const [rows, returns] = await Promise.all([taskQuarterRepo.byDepartment(db, p), taskQuarterRepo.returnedByDepartment(db, p)]);
  const out = new Map<string, DepartmentPeriodFigures>();
  const entry = (departmentId: string) => {
    let e = out.get(departmentId);
    if (!e) out.set(departmentId, (e = { departmentId, closed: 0, closedOnTime: 0, overdue: 0, red: 0, returned: 0 }));
    return e;
  };
  for (const r of rows)
    Object.assign(entry(r.leadDepartmentId), {
      closed: Number(r.closed),
      closedOnTime: Number(r.closedOnTime),
      overdue: Number(r.overdue),
      red: Number(r.red),
    });
  for (const r of returns) entry(r.leadDepartmentId).returned = Number(r.returned);
  return [...out.values()];
}

export type OverdueAtEnd = { taskId: string; code: string; title: string; departmentId: string; dueDate: string };

/** The items open and past due at the period's end, the oldest due first, at most `limit`. */
export async function overdueTasksAtEnd(
  db: Executor,
  q: { planId: string; start: string; end: string; limit: number },
): Promise<OverdueAtEnd[]> {
  const rows = await taskQuarterRepo.overdueAtEnd(db, periodBounds(q.planId, q.start, q.end), q.limit);
  return rows.map((r) => ({ taskId: r.id, code: r.code, title: r.title, departmentId: r.leadDepartmentId, dueDate: r.dueDate }));
}
