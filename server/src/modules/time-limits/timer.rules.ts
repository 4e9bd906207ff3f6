import type { OnTimeFigures, Timer } from '@qinlian/contracts';
import { nextDate, type WorkingCalendar } from '../../platform/calendar/working-days.ts';
import type { TimerRow } from './time-limits.repo.ts';

/**
 * Working days after `today` up to `dueOn` (0 on the due day itself); negative when past it: the
 * working days since the due day, at least 1 (past it on a weekend is still past it). The same count
 * as the tasks' 剩余工作日, so a task and its timer never disagree.
 */
export function workingDaysLeft(cal: WorkingCalendar, dueOn: string, today: string): number {
  if (today <= dueOn) return today === dueOn ? 0 : cal.workingDaysBetween(nextDate(today), dueOn);
  return -Math.max(1, cal.workingDaysBetween(nextDate(dueOn), today));
}

/** 按期: finished on or before the due day (a limit ends with its last working day, not at its start). */
export const finishedOnTime = (doneOn: string, dueOn: string) => doneOn <= dueOn;

/** A timer as pages show it: open ones counted to today, finished ones at the day they were finished. */
export function timerView(cal: WorkingCalendar, row: TimerRow, today: string): Timer {
  const done = row.doneOn !== null;
  return {
    dueOn: row.dueOn,
    workingDaysLeft: workingDaysLeft(cal, row.dueOn, row.doneOn ?? today),
    overdue: done ? row.onTime === 0 : today > row.dueOn,
    doneAt: row.doneAt,
    onTime: done ? row.onTime === 1 : null,
  };
}

type Counts = Omit<OnTimeFigures, 'onTimeRate'>;
export const NO_COUNTS: Counts = { doneOnTime: 0, doneLate: 0, openWithinLimit: 0, openOverdue: 0 };

export const addCounts = (a: Counts, b: Counts): Counts => ({
  doneOnTime: a.doneOnTime + b.doneOnTime,
  doneLate: a.doneLate + b.doneLate,
  openWithinLimit: a.openWithinLimit + b.openWithinLimit,
  openOverdue: a.openOverdue + b.openOverdue,
});

/**
 * 按期办结率 — the desk's rule (tasks' onTimeMonth): of the items whose outcome is known (done on
 * time, done late, or still open past the limit), the percent done on time, to one decimal; items
 * open within their limit are not decided yet. Null when nothing is decided.
 */
export function withRate(c: Counts): OnTimeFigures {
  const decided = c.doneOnTime + c.doneLate + c.openOverdue;
  return { ...c, onTimeRate: decided === 0 ? null : Math.round((1000 * c.doneOnTime) / decided) / 10 };
}
