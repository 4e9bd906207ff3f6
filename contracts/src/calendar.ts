import { z } from 'zod';

/**
 * A calendar date in Asia/Shanghai, YYYY-MM-DD, that really exists (no 2026-02-30), in the years
 * 1900–2199. The bound matters: the working-day calendar walks day by day, and past year 9999 the
 * date text stops being YYYY-MM-DD, so an unbounded start froze the server
 * (server/test/reliability/fuzz.test.ts found GET /api/calendar/deadline?start=9999-12-31&workingDays=3644).
 */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    const year = Number(s.slice(0, 4));
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && year >= 1900 && year <= 2199;
  }, 'invalid date');
export type CalendarDate = z.infer<typeof CalendarDate>;

/** 3650 working days are about 15 years, so the answer stays a CalendarDate. */
export const DeadlineQuery = z.object({
  start: CalendarDate.refine((s) => s <= '2180-12-31', 'start ≤ 2180-12-31'),
  workingDays: z.coerce.number().int().min(0).max(3650),
});
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
export const CalendarDay = z.object({
  date: CalendarDate,
  working: z.boolean(),
  name: z.string(),
  source: z.enum(['official', 'local', 'weekday-rule']),
});

const Year = z.coerce.number().int().min(1900).max(2199);
/** GET /api/calendar/overrides: all of them, or one year's. */
export const CalendarOverrideQuery = z.object({ year: Year.optional() });
export const CalendarYearQuery = z.object({ year: Year });
/**
 * A day that breaks the Monday–Friday rule: a national holiday or an adjusted working weekend (调休)
 * from the official data, or a local override (which wins). `holiday`: the festival's name in the
 * caller's language (国庆节 / National Day) when the official data names one.
 */
export const CalendarSpecialDay = z.object({
  date: CalendarDate,
  working: z.boolean(),
  source: z.enum(['official', 'local']),
  holiday: z.string().nullable(),
  /** local overrides: the administrator's note */
  note: z.string().nullable(),
});
export type CalendarSpecialDay = z.infer<typeof CalendarSpecialDay>;
export const CalendarYear = z.object({
  year: z.number().int(),
  /** false: the official data does not cover this year yet, only local overrides are known */
  covered: z.boolean(),
  items: z.array(CalendarSpecialDay),
});
export type CalendarYear = z.infer<typeof CalendarYear>;
