import { z } from 'zod';
import { Id, Instant } from './common.ts';
import { CalendarDate } from './calendar.ts';

/**
 * 限时办结制 (time-limited completion): one rule table of limits in working days per kind of item,
 * a timer per item (started, due, done, on time or not), and on-time statistics per department and
 * person. Working days follow the one working calendar (public holidays and 调休 included).
 */

/** enquiry 首问咨询 · task 督办任务 · public_demand 群众诉求 · rectification 整改 · bad_review 差评处理 */
export const TimeLimitKind = z.enum(['enquiry', 'task', 'public_demand', 'rectification', 'bad_review']);
export type TimeLimitKind = z.infer<typeof TimeLimitKind>;

/** The most working days a limit may be (about a year); the least is 1. */
export const MAX_LIMIT_WORKING_DAYS = 250;

/**
 * An item's deadline as every page shows it. `workingDaysLeft`: working days after today up to
 * `dueOn` (0 on the day itself), negative when past it; for a finished item, counted at the day it
 * was finished. `overdue`: an open item past its date, or a finished one finished after it.
 */
export const Timer = z.object({
  dueOn: z.string(),
  workingDaysLeft: z.number().int(),
  overdue: z.boolean(),
  doneAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
});
export type Timer = z.infer<typeof Timer>;

/** One limit of the rule table (GET /api/time-limits). */
export const TimeLimitRule = z.object({
  kind: TimeLimitKind,
  workingDays: z.number().int(),
  updatedAt: Instant,
  /** who changed it last; null: the default the system shipped with */
  updatedBy: z.string().nullable(),
  abilities: z.object({ manage: z.boolean() }),
});
export type TimeLimitRule = z.infer<typeof TimeLimitRule>;
export const TimeLimitRuleList = z.object({ items: z.array(TimeLimitRule) });
export type TimeLimitRuleList = z.infer<typeof TimeLimitRuleList>;

export const TimeLimitKindParams = z.object({ kind: TimeLimitKind });

/** PUT /api/time-limits/:kind — the new limit; it counts for items started from now on. */
export const TimeLimitRuleUpdateBody = z.object({
  workingDays: z.number().int().min(1).max(MAX_LIMIT_WORKING_DAYS),
});
export type TimeLimitRuleUpdateBody = z.infer<typeof TimeLimitRuleUpdateBody>;

/**
 * GET /api/time-limits/stats: items whose deadline falls in [from, to] (either end optional), of
 * one kind or all, of one department and its sub-departments or all the caller's data scope covers.
 */
export const TimeLimitStatsQuery = z
  .object({
    kind: TimeLimitKind.optional(),
    departmentId: Id.optional(),
    from: CalendarDate.optional(),
    to: CalendarDate.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from ≤ to', path: ['to'] });
export type TimeLimitStatsQuery = z.infer<typeof TimeLimitStatsQuery>;

/**
 * 按期办结 figures of a group of items. `onTimeRate`: percent (one decimal) of the decided items —
 * done on time, done late, open past the limit — done on time; null when none is decided yet.
 */
export const OnTimeFigures = z.object({
  doneOnTime: z.number().int(),
  doneLate: z.number().int(),
  openWithinLimit: z.number().int(),
  openOverdue: z.number().int(),
  onTimeRate: z.number().nullable(),
});
export type OnTimeFigures = z.infer<typeof OnTimeFigures>;

export const TimeLimitStats = z.object({
  /** the day "open past the limit" was judged on (Asia/Shanghai) */
  today: CalendarDate,
  total: OnTimeFigures,
  departments: z.array(OnTimeFigures.extend({ departmentId: Id, departmentName: z.string() })),
  /** items with a named owner (承办人), by person */
  people: z.array(
    OnTimeFigures.extend({ personId: Id, personName: z.string(), departmentId: Id.nullable(), departmentName: z.string().nullable() }),
  ),
});
export type TimeLimitStats = z.infer<typeof TimeLimitStats>;
