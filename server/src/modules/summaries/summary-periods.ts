import type { WorkingCalendar } from '../../platform/calendar/working-days.ts';
import { nextDate } from '../../platform/calendar/working-days.ts';

/*
 * The periods of 一月一小结 (a month, 2026-03) and 半年一总结 (a half year, 2026-H1), on the
 * working-day calendar: a month's work ends on its last working day, when the month-end job asks every
 * department for its summary; the summary is due on the Nth working day of the next month.
 */

/** 报送期限: a month's summary is due on this working day of the next month. */
export const DUE_WORKING_DAYS = 5;

const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last calendar day of a month. */
export function monthSpan(month: string): { start: string; end: string } {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { start: `${month}-01`, end: `${month}-${pad(days)}` };
}

export const monthOf = (date: string) => date.slice(0, 7);

export function previousMonth(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}

/** The month's last working day (调休 weekends count, holidays do not): the day its summaries open. */
export function lastWorkingDayOf(cal: WorkingCalendar, month: string): string {
  const { start, end } = monthSpan(month);
  let day = end;
  while (day > start && !cal.isWorkingDay(day)) day = nextDate(day, -1);
  return day;
}

/** The day a month's summary is due: the DUE_WORKING_DAYS-th working day after the month. */
export const summaryDueDate = (cal: WorkingCalendar, month: string) => cal.addWorkingDays(monthSpan(month).end, DUE_WORKING_DAYS);

/** Has the month's work ended by `today` — is it its last working day, or later? */
export const monthHasEnded = (cal: WorkingCalendar, month: string, today: string) => today >= lastWorkingDayOf(cal, month);

/** The latest month whose summaries are open on `today`: this one from its last working day on, else the last one. */
export function openMonth(cal: WorkingCalendar, today: string): string {
  const month = monthOf(today);
  return monthHasEnded(cal, month, today) ? month : previousMonth(month);
}

/** The half year of a date: 2026-H1 (January–June) or 2026-H2. */
export const halfOf = (date: string) => `${date.slice(0, 4)}-H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;

export function halfSpan(half: string): { start: string; end: string } {
  const year = half.slice(0, 4);
  return half.endsWith('H1') ? { start: `${year}-01-01`, end: `${year}-06-30` } : { start: `${year}-07-01`, end: `${year}-12-31` };
}

/** 2026年3月 */
export const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
/** 2026年上半年 */
export const halfLabel = (half: string) => `${half.slice(0, 4)}年${half.endsWith('H1') ? '上' : '下'}半年`;
