import type { Actor, Ctx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { planById } from '../plan/index.ts';
import { mayBackfill } from './tasks.policy.ts';
import { today } from './task-views.service.ts';

/**
 * 完成时限 that tell the truth: a due date is not before today and lies inside the plan's period
 * (422 otherwise, naming both). The office may record a past task on purpose (补录, `backfill`,
 * tasks.backfill); anyone else asking for it is refused (403). The demo seed and the command line
 * write as the system and replay history as it was. The task API and the plan import keep the one rule.
 */

export type DueDateProblem = {
  code: 'due_date_past' | 'due_date_outside_plan';
  params: { date: string; today: string; plan: string; start: string; end: string };
};
type PlanPeriod = { name: string; startDate: string; endDate: string };

/** Whether the rule binds this writer at all; asking for back-fill without tasks.backfill is refused (403). */
export function dueDateRuleBinds(actor: Actor, backfill: boolean | undefined): boolean {
  if (backfill) {
    if (!mayBackfill(actor))
      throw new DomainError('backfill_not_allowed', 403, {}, [{ path: 'body.backfill', message: 'backfill_not_allowed' }]);
    return false;
  }
  return actor.via !== 'system';
}

/** The rule itself: null when the due date tells the truth, else what is wrong with it. */
export function dueDateProblem(date: string, day: string, plan: PlanPeriod | undefined): DueDateProblem | null {
  const params = { date, today: day, plan: plan?.name ?? '', start: plan?.startDate ?? '', end: plan?.endDate ?? '' };
  if (date < day) return { code: 'due_date_past', params };
  if (plan && (date < plan.startDate || date > plan.endDate)) return { code: 'due_date_outside_plan', params };
  return null;
}

export async function assertTruthfulDueDate(
  ctx: Ctx,
  input: { planId: string; dueDate: string; backfill?: boolean },
  path = 'body.dueDate',
): Promise<void> {
  if (!dueDateRuleBinds(ctx.actor!, input.backfill)) return;
  const problem = dueDateProblem(input.dueDate, today(ctx), await planById(ctx.db, input.planId));
  if (problem) throw new DomainError(problem.code, 422, problem.params, [{ path, message: problem.code }]);
}
