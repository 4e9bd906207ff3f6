import type { DemandUrgeBody } from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { calendarFor } from '../../platform/calendar/calendar.service.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { iso } from '../../platform/clock.ts';
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { timersOf } from '../time-limits/index.ts';
import { demandDeadlinesRepo, RUNNING_STATUSES } from './demand-deadlines.repo.ts';
import { tellDepartmentOfUrging, urgingNote } from './demand-notices.ts';
import { wrongDemandStatus } from './demand-status.ts';
import { demandPolicy, mayStep } from './demands.policy.ts';
import { demandsRepo, type DemandRow } from './demands.repo.ts';

/*
 * 督办 (issue 14, item 6 "supervise if late"): an item with a department — dispatched or being
 * handled — whose time limit (限时办结, `public_demand`) is near or past its last day is urged: its
 * department is told, its history says 督办, the audit chain has it. At most once a day an item,
 * whether the daily job or the office by hand urged it first. Urging changes nothing the handlers
 * edit, so it leaves the item's version alone: nobody's open page goes stale because of it.
 */

/** Urged from this many working days before the last day (1: the day before, the day itself, and every working day after). */
export const URGE_WORKING_DAYS_BEFORE = 1;
/** The daily pass reads this many items at a time. */
const URGING_BATCH = 200;

/**
 * One urging of one item in the caller's transaction: the day claimed (false, and nothing written,
 * when it was already urged today), the history line, the audit record and the notice together.
 */
async function urgeOne(tx: TxCtx, row: DemandRow, today: string, daily: boolean, note: string | null): Promise<boolean> {
  const timer = (await timersOf(tx.db, 'public_demand', [row.id], today)).get(row.id);
  if (!timer) throw wrongDemandStatus(row); // dispatched items always run a timer; without one there is no limit to press on
  if (!(await demandDeadlinesRepo.markUrged(tx.db, row.id, timer.dueOn, today))) return false;
  const notice = { dueOn: timer.dueOn, workingDaysLeft: timer.workingDaysLeft, note };
  const events = await demandsRepo.events(tx.db, row.id);
  const takenBy = events.findLast((e) => e.kind === 'take')?.personId ?? null;
  const at = iso(tx.clock.now());
  await demandsRepo.insertEvent(tx.db, {
    id: newId(),
    demandId: row.id,
    kind: 'urge',
    personId: daily ? null : (tx.actor?.personId ?? null),
    departmentId: row.departmentId,
    note: urgingNote(notice, daily),
    at,
  });
  await recordAudit(tx, {
    action: 'demand.urge',
    entityType: 'demand',
    entityId: row.id,
    after: { departmentId: row.departmentId, dueOn: timer.dueOn, workingDaysLeft: timer.workingDaysLeft, urgedOn: today, daily, note },
  });
  await tellDepartmentOfUrging(tx, row, notice, today, takenBy);
  return true;
}

/** 督办 by hand (`demands.dispatch`): 404 out of sight, 403 not the office, 409 not with a department or already urged today. */
export async function urgeDemand(ctx: Ctx, id: string, body: DemandUrgeBody): Promise<DemandRow> {
  return inTransaction(ctx, async (tx) => {
    const actor = tx.actor!;
    const row = await demandsRepo.byId(tx.db, id);
    if (!row || !demandPolicy.canSee(actor, row)) throw notFound();
    if (!mayStep(actor, 'urge', row)) {
      if (!demandPolicy.allowed(actor, 'dispatch', row)) throw forbidden();
      throw wrongDemandStatus(row);
    }
    const today = shanghaiDate(tx.clock.now());
    if (!(await urgeOne(tx, row, today, false, body.note?.trim() || null))) throw new DomainError('demand_urged_today', 409);
    return row;
  });
}

export type UrgingSummary = { urged: number };

/**
 * The daily urging: every item with a department due within URGE_WORKING_DAYS_BEFORE working days,
 * or past due, and not urged today — each in a transaction of its own, so one failure does not hold
 * back the rest. Not on a day off: nobody is at work to act on it, and the next working day's run
 * finds the item still due. Run twice a day, it urges nobody twice.
 */
export async function urgeDueDemands(ctx: Ctx): Promise<UrgingSummary> {
  const today = shanghaiDate(ctx.clock.now());
  const calendar = await calendarFor(ctx.db);
  const summary: UrgingSummary = { urged: 0 };
  if (!calendar.isWorkingDay(today)) return summary;
  const dueBy = calendar.addWorkingDays(today, URGE_WORKING_DAYS_BEFORE);
  let afterId = '';
  for (;;) {
    const batch = await demandDeadlinesRepo.dueForUrging(ctx.db, { dueBy, today, afterId }, URGING_BATCH);
    for (const candidate of batch) {
      const urged = await inTransaction(ctx, async (tx) => {
        const row = await demandsRepo.byId(tx.db, candidate.id);
        // handled meanwhile (answered, sent back, merged): nothing to press on
        if (!row || row.mergedIntoId !== null || !(RUNNING_STATUSES as readonly string[]).includes(row.status)) return false;
        return urgeOne(tx, row, today, true, null);
      });
      if (urged) summary.urged++;
    }
    if (batch.length < URGING_BATCH) return summary;
    afterId = batch[batch.length - 1]!.id;
  }
}
