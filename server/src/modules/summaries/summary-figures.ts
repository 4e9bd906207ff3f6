import type { MonthFigures } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { departmentMonthFigures, tasksClosedInMonth, type DepartmentMonthFigures } from '../tasks/index.ts';
import type { MonthlySummaryRow } from './monthly-summaries.repo.ts';
import { monthSpan } from './summary-periods.ts';

/**
 * The figures a monthly summary is prefilled with (本月办结、按期办结、逾期未办结、在办), from the
 * supervision module: live until the department submits, then frozen into the summary — what the
 * office reviews and compiles is what the department reported.
 */

/** 按期办结率 in percent, one decimal; null when nothing was closed. */
export const onTimeRate = (closed: number, onTime: number) => (closed ? Math.round((onTime / closed) * 1000) / 10 : null);

const asFigures = (f: DepartmentMonthFigures, asOf: string): MonthFigures => ({
  closed: f.closed,
  closedOnTime: f.closedOnTime,
  onTimeRate: onTimeRate(f.closed, f.closedOnTime),
  overdue: f.overdue,
  open: f.open,
  asOf,
});

/** Today, or the month's last day once it is over. */
const asOfFor = (ctx: Ctx, month: string) => {
  const today = shanghaiDate(ctx.clock.now());
  const { end } = monthSpan(month);
  return today < end ? today : end;
};

/** The month's figures of these departments as their tasks stand now. */
export async function liveMonthFigures(ctx: Ctx, month: string, departmentIds: string[]): Promise<Map<string, MonthFigures>> {
  const { start, end } = monthSpan(month);
  const asOf = asOfFor(ctx, month);
  const figures = await departmentMonthFigures(ctx.db, { departmentIds, start, end });
  return new Map([...figures].map(([id, f]) => [id, asFigures(f, asOf)]));
}

/** The figures a submitted summary carries. */
export function frozenFigures(r: MonthlySummaryRow): MonthFigures | null {
  if (r.closedCount === null || r.figuresAsOf === null) return null;
  return asFigures(
    { closed: r.closedCount, closedOnTime: r.onTimeCount ?? 0, overdue: r.overdueCount ?? 0, open: r.openCount ?? 0 },
    r.figuresAsOf,
  );
}

/** The columns that freeze figures into a summary. */
export const figureColumns = (f: MonthFigures): Partial<MonthlySummaryRow> => ({
  closedCount: f.closed,
  onTimeCount: f.closedOnTime,
  overdueCount: f.overdue,
  openCount: f.open,
  figuresAsOf: f.asOf,
});

/** The highlights the template suggests: the tasks closed in the month, one a line (at most 20). */
export async function suggestedHighlights(ctx: Ctx, month: string, departmentId: string) {
  const { start, end } = monthSpan(month);
  const closedTasks = await tasksClosedInMonth(ctx.db, { departmentId, start, end, limit: 20 });
  const text = closedTasks.map((t, i) => `${i + 1}. ${t.title}（${t.code}，${t.onTime ? '按期办结' : '逾期办结'}）`).join('\n');
  return { closedTasks, text };
}
