import type { Actor } from '../../platform/context.ts';
import { definePolicy, inDepartmentScope, signedIn, type RoutePolicy } from '../../platform/policy/policy.ts';
import type { TimerVisibility } from './time-limits.repo.ts';

/**
 * 办结时限 (the rule table): everyone signed in reads it — the limits are what everybody is held
 * to; only the office (time_limits.manage) changes them. The rules are the whole organisation's,
 * so no data scope applies.
 */
export const timeLimitRulePolicy = definePolicy<{ kind: string }, 'manage'>(() => true, {
  manage: { permission: 'time_limits.manage' },
});
export const readRulesRoute: RoutePolicy = signedIn;

/**
 * 按期办结统计: a permission of its own (time_limits.stats: office, leaders, 纪检监察, department
 * heads) rather than tasks.read — it rates people, which staff reading their tasks need not see of
 * each other. Within it the data scope decides: a department out of scope is not found (404).
 */
export const timeLimitStatsPolicy = definePolicy<{ departmentId: string }, 'stats'>((a, d) => inDepartmentScope(a, d.departmentId), {
  stats: { permission: 'time_limits.stats' },
});

/** Whose timers the actor's statistics count: the data scope's departments, and always their own items. */
export const timerVisibilityOf = (actor: Actor): TimerVisibility =>
  actor.scope.all ? { all: true } : { all: false, departmentIds: [...actor.scope.departmentIds], personId: actor.personId };
