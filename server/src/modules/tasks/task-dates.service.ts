import type { Ctx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { planById } from '../plan/index.ts';
import { mayBackfill } from './tasks.policy.ts';
import { today } from './task-views.service.ts';

/**
 * 完成时限 that tell the truth: a due date is not before today and lies inside the plan's period
 * (422 otherwise, naming both). The office may record a past task on purpose (补录, `backfill`,
 * tasks.backfill); anyone else asking for it is refused (403). The demo seed and the command line
 * write as the system and replay history as it was.
 */
export async function assertTruthfulDueDate(
  ctx: Ctx,
  input: { planId: string; dueDate: string; backfill?: boolean },
  path = 'body.dueDate',
): Promise<void> {
  const actor = ctx.actor!;
  if (input.backfill) {
    if (!mayBackfill(actor))
      throw new DomainError('backfill_not_allowed', 403, {}, [{ path: 'body.backfill', message: 'backfill_not_allowed' }]);
    return;
  }
  if (actor.via === 'system') return;
  const day = today(ctx);
  const date = input.dueDate;
  if (date < day) throw new DomainError('due_date_past', 422, { date, today: day }, [{ path, message: 'due_date_past' }]);
  const plan = await planById(ctx.db, input.planId);
  if (plan && (date < plan.startDate || date > plan.endDate)) {
    throw new DomainError('due_date_outside_plan', 422, { date, plan: plan.name, start: plan.startDate, end: plan.endDate }, [
      { path, message: 'due_date_outside_plan' },
    ]);
  }
}
