import type { TimeLimitKind, TimeLimitRule } from '@qinlian/contracts';
import type { Actor } from '../../platform/context.ts';
import type { RuleRow } from './time-limits.repo.ts';
import { timeLimitRulePolicy } from './time-limits.policy.ts';

/** What leaves the server of a limit: the kind, its working days, who changed it last and when, and whether this actor may change it. */
export const presentRule = (actor: Actor, r: RuleRow): TimeLimitRule => ({
  kind: r.kind as TimeLimitKind,
  workingDays: r.workingDays,
  updatedAt: r.updatedAt,
  updatedBy: r.updatedBy,
  abilities: timeLimitRulePolicy.abilities(actor, { kind: r.kind }),
});
