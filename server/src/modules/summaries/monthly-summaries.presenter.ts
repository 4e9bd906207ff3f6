import type { MonthFigures, MonthlySummary, MonthlySummaryForm, MonthlySummaryStatus } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { cachedDepartmentsBasics, type DepartmentBasics } from '../org/index.ts';
import type { MonthlySummaryRow } from './monthly-summaries.repo.ts';
import type { monthlySummaryForm } from './monthly-summaries.service.ts';
import { monthlySummaryAbilities } from './summaries.policy.ts';
import { frozenFigures, liveMonthFigures } from './summary-figures.ts';

/** The live figures of the summaries not yet submitted: one grouped query per month on the page. */
async function liveFiguresOf(ctx: Ctx, rows: MonthlySummaryRow[]): Promise<Map<string, MonthFigures>> {
  const byMonth = new Map<string, string[]>();
  for (const r of rows) if (!frozenFigures(r)) byMonth.set(r.month, [...(byMonth.get(r.month) ?? []), r.departmentId]);
  const out = new Map<string, MonthFigures>();
  for (const [month, departmentIds] of byMonth) {
    for (const [departmentId, f] of await liveMonthFigures(ctx, month, departmentIds)) out.set(`${month}|${departmentId}`, f);
  }
  return out;
}

const waiting = (s: string) => s === 'requested' || s === 'returned';

function presentOne(ctx: Ctx, r: MonthlySummaryRow, name: string, figures: MonthFigures): MonthlySummary {
  const frozen = frozenFigures(r);
  return {
    id: r.id,
    month: r.month,
    departmentId: r.departmentId,
    departmentName: name,
    status: r.status as MonthlySummaryStatus,
    dueDate: r.dueDate,
    late: waiting(r.status) && shanghaiDate(ctx.clock.now()) > r.dueDate,
    figures: frozen ?? figures,
    figuresFrozen: frozen !== null,
    highlights: r.highlights,
    problems: r.problems,
    nextPlan: r.nextPlan,
    returnReason: r.returnReason,
    returnCount: r.returnCount,
    submittedAt: r.submittedAt,
    submittedByName: r.submittedByName,
    reviewedAt: r.reviewedAt,
    reviewedByName: r.reviewedByName,
    documentId: r.documentId,
    version: r.version,
    abilities: monthlySummaryAbilities(ctx.actor!, r),
  };
}

/** Summaries as they leave the server: department names, figures (frozen, or live while not submitted), abilities. */
export async function presentMonthlySummaries(ctx: Ctx, rows: MonthlySummaryRow[]): Promise<MonthlySummary[]> {
  const [departments, live] = await Promise.all([
    cachedDepartmentsBasics(
      ctx.db,
      rows.map((r) => r.departmentId),
    ),
    liveFiguresOf(ctx, rows),
  ]);
  return rows.map((r) => {
    const figures = frozenFigures(r) ?? live.get(`${r.month}|${r.departmentId}`)!;
    return presentOne(ctx, r, departments.get(r.departmentId)?.name ?? '', figures);
  });
}

export const presentMonthlySummary = async (ctx: Ctx, row: MonthlySummaryRow) => (await presentMonthlySummaries(ctx, [row]))[0]!;

type Form = Awaited<ReturnType<typeof monthlySummaryForm>>;

/** The department's template: the summary itself carries the same live figures while not submitted. */
export function presentForm(ctx: Ctx, f: Form): MonthlySummaryForm {
  const department: DepartmentBasics = f.department;
  return {
    month: f.month,
    departmentId: department.id,
    departmentName: department.name,
    opensOn: f.opensOn,
    monthEnded: f.monthEnded,
    dueDate: f.dueDate,
    figures: f.figures,
    closedTasks: f.closedTasks,
    suggestedHighlights: f.suggestedHighlights,
    summary: f.summary ? presentOne(ctx, f.summary, department.name, f.figures) : null,
    canSubmit: f.canSubmit,
  };
}
