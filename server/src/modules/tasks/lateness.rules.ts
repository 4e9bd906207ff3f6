import { nextDate, type WorkingCalendar } from '../../platform/calendar/working-days.ts';

/**
 * 逾期办结: how many working days after its original due date a task was closed — 0 on time; a task
 * closed late is at least one day late even when it closed on a weekend. Kept at close-out, so a
 * task closed late stays marked late (the evaluation measures against the original deadline, not
 * an extension granted on the way).
 */
export function workingDaysLate(cal: WorkingCalendar, originalDueDate: string, closedOn: string): number {
  if (closedOn <= originalDueDate) return 0;
  return Math.max(1, cal.workingDaysBetween(nextDate(originalDueDate), closedOn));
}
