import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { calendarFor } from '../../platform/calendar/calendar.service.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { iso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { monthlySummariesRepo, type MonthlySummaryRow } from './monthly-summaries.repo.ts';
import { reportingDepartments, type ReportingDepartment } from './summary-departments.ts';
import { tellDepartmentOfRequest } from './summary-notices.ts';
import { lastWorkingDayOf, monthOf, summaryDueDate } from './summary-periods.ts';

/** A month's summary as it starts: asked for (requested), or — when a department reports unasked — submitted at once. */
export function newMonthlySummary(tx: TxCtx, month: string, departmentId: string, dueDate: string): MonthlySummaryRow {
  const now = iso(tx.clock.now());
  return {
    id: newId(),
    month,
    departmentId,
    status: 'requested',
    dueDate,
    requestedByName: tx.actor?.name ?? '系统',
    closedCount: null,
    onTimeCount: null,
    overdueCount: null,
    openCount: null,
    figuresAsOf: null,
    highlights: '',
    problems: '',
    nextPlan: '',
    returnReason: null,
    returnCount: 0,
    submittedAt: null,
    submittedByName: null,
    submittedByPersonId: null,
    reviewedAt: null,
    reviewedByName: null,
    documentId: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** Ask one department, with its audit record and notice, unless it was asked (or reported) already. */
async function askDepartment(ctx: Ctx, month: string, department: ReportingDepartment, dueDate: string): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    if (await monthlySummariesRepo.ofMonth(tx.db, month, department.id)) return false;
    const row = newMonthlySummary(tx, month, department.id, dueDate);
    await monthlySummariesRepo.insert(tx.db, row);
    await recordAudit(tx, { action: 'monthly_summary.request', entityType: 'monthly_summary', entityId: row.id, after: row });
    await tellDepartmentOfRequest(tx, row, department.name);
    return true;
  });
}

/**
 * 月底通知 (the month-end job): on the month's last working day, every department in use that has not
 * been asked for the month (nor reported on it unasked) gets its request and a notice. Any other day
 * it does nothing. Each department commits on its own, so a failure leaves the others asked and the
 * job's retry finishes the rest; the (month, department) unique index makes a second run a no-op.
 */
export async function requestMonthlySummaries(ctx: Ctx): Promise<{ month: string; requested: number }> {
  const today = shanghaiDate(ctx.clock.now());
  const month = monthOf(today);
  const calendar = await calendarFor(ctx.db);
  if (lastWorkingDayOf(calendar, month) !== today) return { month, requested: 0 };
  const dueDate = summaryDueDate(calendar, month);
  const asked = await monthlySummariesRepo.departmentsOfMonth(ctx.db, month);
  let requested = 0;
  for (const department of await reportingDepartments(ctx.db)) {
    if (asked.has(department.id)) continue;
    if (await askDepartment(ctx, month, department, dueDate)) requested++;
  }
  return { month, requested };
}
