import { detailMessage, MAX_LIMIT_WORKING_DAYS, TimeLimitKind, type TimeLimitRuleUpdateBody } from '@qinlian/contracts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { rulesRepo, type RuleRow } from './time-limits.repo.ts';
import { timeLimitRulePolicy } from './time-limits.policy.ts';

const ORDER = TimeLimitKind.options;

/** The rule table in the order of the kinds (咨询, 任务, 诉求, 整改, 差评); a kind the code no longer knows is left out. */
export async function listRules(ctx: Ctx): Promise<RuleRow[]> {
  const rows = await rulesRepo.all(ctx.db);
  return rows
    .filter((r) => (ORDER as readonly string[]).includes(r.kind))
    .sort((a, b) => ORDER.indexOf(a.kind as TimeLimitKind) - ORDER.indexOf(b.kind as TimeLimitKind));
}

/**
 * 调整办结时限: the office sets a kind's limit, a whole number of working days from 1 to 250. It
 * counts for items started from now on; running timers keep the date they were given. Audited with
 * the limit before and after.
 */
export async function updateRule(ctx: Ctx, kind: TimeLimitKind, body: TimeLimitRuleUpdateBody): Promise<RuleRow> {
  return inTransaction(ctx, async (tx) => {
    const actor = tx.actor!;
    timeLimitRulePolicy.assert(actor, 'manage', { kind });
    const days = body.workingDays;
    if (!Number.isInteger(days) || days < 1 || days > MAX_LIMIT_WORKING_DAYS)
      throw invalid([
        { path: 'body.workingDays', message: detailMessage('limit_working_days_range', tx.lang, { min: 1, max: MAX_LIMIT_WORKING_DAYS }) },
      ]);
    const before = await rulesRepo.byKind(tx.db, kind);
    if (!before) throw notFound();
    const after: RuleRow = { kind, workingDays: days, updatedAt: iso(tx.clock.now()), updatedBy: actor.name };
    await rulesRepo.update(tx.db, kind, { workingDays: after.workingDays, updatedAt: after.updatedAt, updatedBy: after.updatedBy });
    await recordAudit(tx, { action: 'time_limit.update', entityType: 'time_limit_rule', entityId: kind, before, after });
    return after;
  });
}
