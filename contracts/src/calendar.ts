import { z } from 'zod';

/** A calendar date in Asia/Shanghai, YYYY-MM-DD, that really exists (no 2026-02-30). */
export const CalendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, 'invalid date');
export type CalendarDate = z.infer<typeof CalendarDate>;

export const DeadlineQuery = z.object({ start: CalendarDate, workingDays: z.coerce.number().int().min(0).max(3650) });
export const DeadlineResponse = z.object({ date: CalendarDate });
export const WorkingDaysQuery = z.object({ from: CalendarDate, to: CalendarDate });
export const WorkingDaysResponse = z.object({ count: z.number().int() });

/** 本地调整: an admin's local day off (working=false) or extra working day (working=true). */
export const CalendarOverride = z.object({ date: CalendarDate, working: z.boolean(), note: z.string().trim().max(200) });
export type CalendarOverride = z.infer<typeof CalendarOverride>;
export const CalendarOverrideList = z.object({ items: z.array(CalendarOverride) });
export const CalendarStatus = z.object({
  /** last year the public-holiday data covers */
  coveredThrough: z.number().int(),
  /** set when next year's official schedule is not in the data yet */
  warning: z.string().nullable(),
});
export const CalendarDayQuery = z.object({ date: CalendarDate });
export const CalendarDay = z.object({ date: CalendarDate, working: z.boolean(), name: z.string(), source: z.enum(['official', 'local', 'weekday-rule']) });
