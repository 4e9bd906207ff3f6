import type { TaskStatus, WarningColor, WarningThresholds } from '@qinlian/contracts';
import { nextDate, type WorkingCalendar } from '../../platform/calendar/working-days.ts';

/**
 * 预警: the colour of a task from its deadline and its progress against the time-elapsed share
 * of its working days (序时进度). Pure: the calendar, "today" and the plan's thresholds come in.
 *
 * - red: today is after the due date and the task is not closed;
 * - yellow: due within `yellowWithinWorkingDays` working days, or progress behind the schedule by
 *   more than `yellowBehindPoints` percentage points;
 * - blue: due within `blueWithinWorkingDays` working days;
 * - none otherwise, and always for drafts (nobody holds them yet) and closed tasks.
 */
export type WarningInput = {
  today: string;
  startDate: string;
  dueDate: string;
  status: TaskStatus;
  progress: number;
  thresholds: WarningThresholds;
};
export type Assessment = { warning: WarningColor; scheduleProgress: number; workingDaysLeft: number };

export const WARNING_RANK: Record<WarningColor, number> = { red: 3, yellow: 2, blue: 1, none: 0 };

/** Share of the working days from start to due (both included) that have passed by the end of today, 0–100. */
export function scheduleProgress(cal: WorkingCalendar, startDate: string, dueDate: string, today: string): number {
  if (today < startDate) return 0;
  if (today >= dueDate) return 100;
  const total = cal.workingDaysBetween(startDate, dueDate);
  if (total === 0) return 100;
  return Math.round((100 * cal.workingDaysBetween(startDate, today)) / total);
}

/**
 * Working days left after today up to the due date (0 on the due date itself); negative when
 * overdue: the working days since the due date, at least 1 (overdue on a weekend is still overdue).
 */
export function workingDaysLeft(cal: WorkingCalendar, dueDate: string, today: string): number {
  if (today <= dueDate) return today === dueDate ? 0 : cal.workingDaysBetween(nextDate(today), dueDate);
  return -Math.max(1, cal.workingDaysBetween(nextDate(dueDate), today));
}

export function assess(cal: WorkingCalendar, input: WarningInput): Assessment {
  const schedule = scheduleProgress(cal, input.startDate, input.dueDate, input.today);
  const left = workingDaysLeft(cal, input.dueDate, input.today);
  return { warning: colourOf(input, schedule, left), scheduleProgress: schedule, workingDaysLeft: left };
}

function colourOf(input: WarningInput, schedule: number, left: number): WarningColor {
  if (input.status === 'draft' || input.status === 'closed') return 'none';
  const t = input.thresholds;
  if (input.today > input.dueDate) return 'red';
  if (left <= t.yellowWithinWorkingDays || schedule - input.progress > t.yellowBehindPoints) return 'yellow';
  if (left <= t.blueWithinWorkingDays) return 'blue';
  return 'none';
}

/** The same assessment for many tasks that share dates (a daily refresh over a whole plan). */
export function memoisedAssess(cal: WorkingCalendar) {
  const dates = new Map<string, { schedule: number; left: number }>();
  return (input: WarningInput): Assessment => {
    const key = `${input.startDate}|${input.dueDate}|${input.today}`;
    let d = dates.get(key);
    if (!d) {
      d = {
        schedule: scheduleProgress(cal, input.startDate, input.dueDate, input.today),
        left: workingDaysLeft(cal, input.dueDate, input.today),
      };
      dates.set(key, d);
    }
    return { warning: colourOf(input, d.schedule, d.left), scheduleProgress: d.schedule, workingDaysLeft: d.left };
  };
}
