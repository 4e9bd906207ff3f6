import type { BulletinOverdueItem, BulletinRankingRow, BulletinTotals } from '@qinlian/contracts';
import type { Executor } from '../../platform/db/database.ts';
import { calendarFor } from '../../platform/calendar/calendar.service.ts';
import { nextDate } from '../../platform/calendar/working-days.ts';
import { cachedDepartmentsBasics } from '../org/index.ts';
import { departmentPeriodFigures, overdueTasksAtEnd } from '../tasks/index.ts';
import { closeRateOf, onTimeRateOf, type QuarterFigures } from './bulletin-ranking.rules.ts';

/**
 * 通报数据快照: the figures a bulletin is written from, taken when it is drafted or explicitly
 * recomputed — never while it is read, reviewed or published. Two grouped queries of the
 * supervision module for the departments, one for the overdue items; names as they were then.
 */

/** The overdue items a bulletin lists (the oldest due first); the rest are counted, not listed. */
export const OVERDUE_LISTED = 200;

export type BulletinPeriod = { planId: string; periodStart: string; periodEnd: string };
export type Snapshot = { figures: QuarterFigures[]; overdue: BulletinOverdueItem[] };

/** The quarter's figures per department and the overdue items at its end, as the tasks stand now. */
export async function takeSnapshot(db: Executor, b: BulletinPeriod): Promise<Snapshot> {
  const period = { planId: b.planId, start: b.periodStart, end: b.periodEnd };
  const figures = await departmentPeriodFigures(db, period);
  const overdue = await overdueTasksAtEnd(db, { ...period, limit: OVERDUE_LISTED });
  const [names, calendar] = await Promise.all([
    cachedDepartmentsBasics(db, [...figures.map((f) => f.departmentId), ...overdue.map((o) => o.departmentId)]),
    calendarFor(db),
  ]);
  const nameOf = (id: string) => names.get(id)?.name ?? '';
  return {
    // no department's public rating per quarter is available yet (bulletin-indicators.ts): null, not a guess
    figures: figures.map((f) => ({ ...f, departmentName: nameOf(f.departmentId), publicRating: null })),
    overdue: overdue.map((o) => ({
      ...o,
      departmentName: nameOf(o.departmentId),
      daysOverdue: Math.max(1, calendar.workingDaysBetween(nextDate(o.dueDate), b.periodEnd)),
    })),
  };
}

/** The raw figures back out of a stored ranking, to rank them again under new weights. */
export const figuresOf = (ranking: BulletinRankingRow[]): QuarterFigures[] =>
  ranking.map((r) => ({
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    closed: r.closed,
    closedOnTime: r.closedOnTime,
    overdue: r.overdue,
    red: r.red,
    returned: r.returned,
    publicRating: r.publicRating,
  }));

/** The totals over every department in the snapshot. */
export function totalsOf(ranking: BulletinRankingRow[]): BulletinTotals {
  const sum = (f: (r: BulletinRankingRow) => number) => ranking.reduce((s, r) => s + f(r), 0);
  const t = {
    closed: sum((r) => r.closed),
    closedOnTime: sum((r) => r.closedOnTime),
    overdue: sum((r) => r.overdue),
    red: sum((r) => r.red),
    returned: sum((r) => r.returned),
  };
  const ranked = ranking.filter((r) => r.rank !== null).length;
  return { departments: ranking.length, ranked, ...t, onTimeRate: onTimeRateOf(t), closeRate: closeRateOf(t) };
}
