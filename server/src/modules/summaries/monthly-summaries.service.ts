import type { z } from 'zod';
import {
  MonthlySummaryFormQuery,
  MonthlySummaryQuery,
  MonthlySummarySubmitBody as SubmitSchema,
  type MonthlySummarySubmitBody,
} from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { calendarFor } from '../../platform/calendar/calendar.service.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { iso } from '../../platform/clock.ts';
import { DomainError, notFound, versionConflict } from '../../platform/errors.ts';
import type { DepartmentBasics } from '../org/index.ts';
import { monthlySummariesRepo, type DepartmentVisibility, type MonthlySummaryRow } from './monthly-summaries.repo.ts';
import { newMonthlySummary } from './monthly-requests.service.ts';
import { monthlySummaryPolicy } from './summaries.policy.ts';
import { submittingDepartment } from './summary-departments.ts';
import { figureColumns, liveMonthFigures, suggestedHighlights } from './summary-figures.ts';
import { lastWorkingDayOf, monthHasEnded, openMonth, summaryDueDate } from './summary-periods.ts';

export const visibilityOf = (ctx: Ctx): DepartmentVisibility =>
  ctx.actor!.scope.all ? { all: true } : { all: false, departmentIds: [...ctx.actor!.scope.departmentIds] };

/** Summaries the actor may see (their departments', or all), newest month first, waiting ones first. */
export async function listMonthlySummaries(ctx: Ctx, q: z.output<typeof MonthlySummaryQuery>) {
  return monthlySummariesRepo.page(ctx.db, visibilityOf(ctx), q, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
}

/** A summary or 404 (not there, or out of the actor's sight). */
export async function loadMonthlySummary(ctx: Ctx, id: string): Promise<MonthlySummaryRow> {
  const row = await monthlySummariesRepo.byId(ctx.db, id);
  if (!row) throw notFound();
  monthlySummaryPolicy.assertVisible(ctx.actor!, row);
  return row;
}

/**
 * 填报模板: a department's month — its live figures and the tasks it closed (the suggested highlights),
 * what it wrote so far, and whether it may submit now (the month's work has ended, the summary is not
 * waiting for review or accepted, and the actor may submit for the department).
 */
export async function monthlySummaryForm(ctx: Ctx, q: z.output<typeof MonthlySummaryFormQuery>) {
  const calendar = await calendarFor(ctx.db);
  const today = shanghaiDate(ctx.clock.now());
  const month = q.month ?? openMonth(calendar, today);
  const department = await submittingDepartment(ctx, q.departmentId, true);
  const summary = (await monthlySummariesRepo.ofMonth(ctx.db, month, department.id)) ?? null;
  const [figures, suggested] = await Promise.all([
    liveMonthFigures(ctx, month, [department.id]),
    suggestedHighlights(ctx, month, department.id),
  ]);
  const monthEnded = monthHasEnded(calendar, month, today);
  const status = summary?.status ?? 'requested';
  return {
    month,
    department,
    opensOn: lastWorkingDayOf(calendar, month),
    monthEnded,
    dueDate: summary?.dueDate ?? summaryDueDate(calendar, month),
    figures: figures.get(department.id)!,
    closedTasks: suggested.closedTasks,
    suggestedHighlights: suggested.text,
    summary,
    canSubmit:
      monthEnded && !department.archived && monthlySummaryPolicy.allowed(ctx.actor!, 'submit', { departmentId: department.id, status }),
  };
}

/** The summary as it stands may take a (re)submission: 409 while it waits for review or once accepted. */
function assertOpenForSubmission(row: MonthlySummaryRow, department: DepartmentBasics, version: number | undefined) {
  const params = { department: department.name, month: row.month };
  if (row.status === 'submitted') throw new DomainError('summary_already_submitted', 409, params);
  if (row.status === 'accepted') throw new DomainError('summary_accepted', 409, params);
  if (version !== undefined && version !== row.version) throw versionConflict();
}

/** What a submission writes: the department's texts, and its figures frozen as the tasks stand now. */
async function submission(tx: TxCtx, body: z.output<typeof SubmitSchema>, departmentId: string): Promise<Partial<MonthlySummaryRow>> {
  const figures = (await liveMonthFigures(tx, body.month, [departmentId])).get(departmentId)!;
  const now = iso(tx.clock.now());
  return {
    ...figureColumns(figures),
    status: 'submitted',
    highlights: body.highlights,
    problems: body.problems,
    nextPlan: body.nextPlan,
    submittedAt: now,
    submittedByName: tx.actor!.name,
    submittedByPersonId: tx.actor!.personId,
    updatedAt: now,
  };
}

/**
 * 报送月度小结: a department submits its summary of a month — asked for, returned (resubmitted), or
 * unasked (its row is made now). The month's work must have ended (from its last working day on).
 * Refused, and nothing written: a department the actor does not answer for (403), a month not ended,
 * a summary waiting for review or accepted (409).
 */
export async function submitMonthlySummary(ctx: Ctx, input: MonthlySummarySubmitBody): Promise<MonthlySummaryRow> {
  const body = SubmitSchema.parse(input);
  const calendar = await calendarFor(ctx.db);
  return inTransaction(ctx, async (tx) => {
    const department = await submittingDepartment(tx, body.departmentId);
    if (!monthHasEnded(calendar, body.month, shanghaiDate(tx.clock.now())))
      throw new DomainError('summary_month_not_ended', 409, { month: body.month, opensOn: lastWorkingDayOf(calendar, body.month) });
    monthlySummaryPolicy.assert(tx.actor!, 'submit', { departmentId: department.id, status: 'requested' });
    const existing = await monthlySummariesRepo.ofMonth(tx.db, body.month, department.id);
    if (existing) assertOpenForSubmission(existing, department, body.version);
    const patch = await submission(tx, body, department.id);
    let after: MonthlySummaryRow;
    if (existing) {
      if (!(await monthlySummariesRepo.update(tx.db, existing.id, existing.version, patch))) throw versionConflict();
      after = { ...existing, ...patch, version: existing.version + 1 };
    } else {
      const asked = newMonthlySummary(tx, body.month, department.id, summaryDueDate(calendar, body.month));
      after = { ...asked, ...patch, requestedByName: tx.actor!.name };
      await monthlySummariesRepo.insert(tx.db, after);
    }
    await recordAudit(tx, {
      action: 'monthly_summary.submit',
      entityType: 'monthly_summary',
      entityId: after.id,
      before: existing ?? null,
      after,
    });
    return after;
  });
}
