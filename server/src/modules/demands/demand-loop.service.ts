import type { DemandAcceptBody, DemandDispatchBody, DemandReasonBody, DemandReplyBody, DemandVersionBody } from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { DomainError, forbidden, notFound, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { usableDepartment } from '../org/index.ts';
import { moveTimer, startTimer, stopTimer, timersOf } from '../time-limits/index.ts';
import { demandPolicy, mayStep, STEP_RULE, type DemandStep } from './demands.policy.ts';
import { demandsRepo, type DemandRow } from './demands.repo.ts';
import { demandDeadlinesRepo } from './demand-deadlines.repo.ts';
import { tellDepartmentOfDispatch } from './demand-notices.ts';
import { wrongDemandStatus } from './demand-status.ts';

/** The audit copy of an item: its sealed personal data stays out of the chain. */
export const auditedDemand = (r: DemandRow) => {
  const { submitterNameSealed: _n, phoneSealed: _p, emailSealed: _e, submitterKey: _k, ...rest } = r;
  return rest;
};

type StepOutcome = {
  patch: Partial<DemandRow>;
  note?: string | null;
  departmentId?: string | null;
  after?: (tx: TxCtx, next: DemandRow) => Promise<void>;
};

/**
 * One step of the loop on one item, in one transaction: visible (404), allowed now (409 for the
 * wrong state or a merged item, 403 for the wrong person), the version the caller read (409), then
 * the change, its history line and its audit record together.
 */
async function takeStep(
  ctx: Ctx,
  id: string,
  version: number,
  step: DemandStep,
  decide: (tx: TxCtx, row: DemandRow) => Promise<StepOutcome>,
): Promise<DemandRow> {
  return inTransaction(ctx, async (tx) => {
    const actor = tx.actor!;
    const row = await demandsRepo.byId(tx.db, id);
    if (!row || !demandPolicy.canSee(actor, row)) throw notFound();
    if (!mayStep(actor, step, row)) {
      if (!demandPolicy.allowed(actor, STEP_RULE[step], row)) throw forbidden();
      if (step === 'sendBack' && row.sentBackCount > 0) throw new DomainError('demand_sent_back_once', 409);
      throw wrongDemandStatus(row);
    }
    if (row.version !== version) throw versionConflict();
    const outcome = await decide(tx, row);
    const now = iso(tx.clock.now());
    const patch = { ...outcome.patch, updatedAt: now };
    if (!(await demandsRepo.update(tx.db, id, version, patch))) throw versionConflict();
    const next: DemandRow = { ...row, ...patch, version: version + 1 };
    await demandsRepo.insertEvent(tx.db, {
      id: newId(),
      demandId: id,
      kind: step,
      personId: actor.personId,
      departmentId: outcome.departmentId ?? next.departmentId,
      note: outcome.note ?? null,
      at: now,
    });
    await recordAudit(tx, {
      action: `demand.${step}`,
      entityType: 'demand',
      entityId: id,
      before: auditedDemand(row),
      after: auditedDemand(next),
    });
    await outcome.after?.(tx, next);
    return next;
  });
}

/** 受理: the office confirms the category (the submitter's, else the suggestion) and may mark it urgent. */
export const acceptDemand = (ctx: Ctx, id: string, b: DemandAcceptBody) =>
  takeStep(ctx, id, b.version, 'accept', async (_tx, row) => ({
    patch: { status: 'accepted', category: b.category ?? row.category ?? row.suggestedCategory, urgent: b.urgent ? 1 : row.urgent },
  }));

/**
 * 派单 / 改派: to a department that can take it; its working-day limit (限时办结, kind public_demand)
 * starts at the first dispatch and moves with the item after a send-back.
 */
export const dispatchDemand = (ctx: Ctx, id: string, b: DemandDispatchBody) =>
  takeStep(ctx, id, b.version, 'dispatch', async (tx, row) => {
    const unit = await usableDepartment(tx, b.departmentId, 'departmentId');
    return {
      patch: { status: 'dispatched', departmentId: unit.id, category: b.category ?? row.category ?? row.suggestedCategory },
      note: unit.name,
      after: async (tx2, next) => {
        const running = (await timersOf(tx2.db, 'public_demand', [next.id])).get(next.id);
        if (running) await moveTimer(tx2, 'public_demand', next.id, { departmentId: unit.id, ownerPersonId: null });
        const { dueOn } =
          running ?? (await startTimer(tx2, { kind: 'public_demand', subjectId: next.id, departmentId: unit.id, ownerPersonId: null }));
        await demandDeadlinesRepo.record(tx2.db, next.id, dueOn); // for the overdue filter and the daily urging
        await tellDepartmentOfDispatch(tx2, next);
      },
    };
  });

/** 不予受理: with the reason, which the submitter reads as the answer. */
export const rejectDemand = (ctx: Ctx, id: string, b: DemandReasonBody) =>
  takeStep(ctx, id, b.version, 'reject', async (tx) => ({
    patch: { status: 'rejected', reply: b.reason, repliedAt: iso(tx.clock.now()), closedAt: iso(tx.clock.now()) },
    note: b.reason,
  }));

/** 签收: the department takes it on. */
export const takeDemand = (ctx: Ctx, id: string, b: DemandVersionBody) =>
  takeStep(ctx, id, b.version, 'take', async () => ({ patch: { status: 'handling' } }));

/** 退单: once per item, with the reason; back to the office to re-dispatch (改派). */
export const sendBackDemand = (ctx: Ctx, id: string, b: DemandReasonBody) =>
  takeStep(ctx, id, b.version, 'sendBack', async (_tx, row) => ({
    patch: { status: 'accepted', departmentId: null, sentBackCount: row.sentBackCount + 1 },
    note: b.reason,
    departmentId: row.departmentId,
  }));

/** 答复: the department's answer; its time limit stops; every submitter of the merged items gets it too. */
export const replyDemand = (ctx: Ctx, id: string, b: DemandReplyBody, onReplied?: (tx: TxCtx, next: DemandRow) => Promise<void>) =>
  takeStep(ctx, id, b.version, 'reply', async (tx) => ({
    patch: { status: 'replied', reply: b.reply, repliedAt: iso(tx.clock.now()), repliedByPersonId: tx.actor!.personId },
    after: async (tx2, next) => {
      await stopTimer(tx2, 'public_demand', next.id);
      await onReplied?.(tx2, next);
    },
  }));

/** 办结: the office closes it once answered. */
export const closeDemand = (ctx: Ctx, id: string, b: DemandVersionBody) =>
  takeStep(ctx, id, b.version, 'close', async (tx) => ({ patch: { status: 'closed', closedAt: iso(tx.clock.now()) } }));

/** 回访: the office calls the submitter back after closing and notes what they said. */
export const revisitDemand = (ctx: Ctx, id: string, b: DemandReasonBody) =>
  takeStep(ctx, id, b.version, 'revisit', async () => ({ patch: {}, note: b.reason }));
