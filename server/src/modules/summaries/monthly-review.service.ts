import {
  MonthlySummaryAcceptBody as AcceptSchema,
  MonthlySummaryReturnBody as ReturnSchema,
  type MonthlySummaryAcceptBody,
  type MonthlySummaryReturnBody,
} from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { DomainError, forbidden, versionConflict } from '../../platform/errors.ts';
import { cachedDepartmentsBasics } from '../org/index.ts';
import { loadMonthlySummary } from './monthly-summaries.service.ts';
import { monthlySummariesRepo, type MonthlySummaryRow } from './monthly-summaries.repo.ts';
import { tellDepartmentOfReturn } from './summary-notices.ts';

const departmentName = async (tx: TxCtx, id: string) => (await cachedDepartmentsBasics(tx.db, [id])).get(id)?.name ?? '';

/**
 * The summary the office reviews: 404 out of sight, 403 without summaries.review, 409 once accepted
 * (不可再改) or while it is not waiting for review, or when someone changed it meanwhile.
 */
async function summaryToReview(tx: TxCtx, id: string, version: number): Promise<MonthlySummaryRow> {
  const row = await loadMonthlySummary(tx, id);
  if (!tx.actor!.permissions.has('summaries.review')) throw forbidden();
  if (row.status === 'accepted')
    throw new DomainError('summary_accepted', 409, { department: await departmentName(tx, row.departmentId), month: row.month });
  if (row.status !== 'submitted') throw new DomainError('summary_not_submitted', 409);
  if (row.version !== version) throw versionConflict();
  return row;
}

async function review(tx: TxCtx, before: MonthlySummaryRow, patch: Partial<MonthlySummaryRow>, action: string) {
  const now = iso(tx.clock.now());
  const next = { ...patch, reviewedAt: now, reviewedByName: tx.actor!.name, updatedAt: now };
  if (!(await monthlySummariesRepo.update(tx.db, before.id, before.version, next))) throw versionConflict();
  const after = { ...before, ...next, version: before.version + 1 };
  await recordAudit(tx, { action, entityType: 'monthly_summary', entityId: before.id, before, after });
  return after;
}

/** 退回: the office sends a submitted summary back with its reason; the department revises and resubmits it. */
export async function returnMonthlySummary(ctx: Ctx, id: string, input: MonthlySummaryReturnBody): Promise<MonthlySummaryRow> {
  const body = ReturnSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const before = await summaryToReview(tx, id, body.version);
    const after = await review(
      tx,
      before,
      { status: 'returned', returnReason: body.reason, returnCount: before.returnCount + 1 },
      'monthly_summary.return',
    );
    await tellDepartmentOfReturn(tx, after, await departmentName(tx, after.departmentId));
    return after;
  });
}

/** 通过: the office accepts a submitted summary; from then on it is part of the month's record and never changes. */
export async function acceptMonthlySummary(ctx: Ctx, id: string, input: MonthlySummaryAcceptBody): Promise<MonthlySummaryRow> {
  const body = AcceptSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const before = await summaryToReview(tx, id, body.version);
    return review(tx, before, { status: 'accepted' }, 'monthly_summary.accept');
  });
}
