import { describe, expect, it } from 'vitest';
import { WarningThresholds } from '@qinlian/contracts';
import { workingCalendar } from '../../platform/calendar/working-days.ts';
import { assess, memoisedAssess, scheduleProgress, workingDaysLeft, type WarningInput } from './warnings.rules.ts';

const cal = workingCalendar();
const thresholds = WarningThresholds.parse({}); // blue ≤ 5, yellow ≤ 2 working days or > 10 points behind
const task = (over: Partial<WarningInput>): WarningInput => ({
  today: '2026-03-02',
  startDate: '2026-03-02',
  dueDate: '2026-06-30',
  status: 'in_progress',
  progress: 0,
  thresholds,
  ...over,
});

describe('warning colours (预警) on the working-day calendar', () => {
  it('counts the National Day week out: 9 calendar days but 2 working days before 9 October → yellow', () => {
    expect(workingDaysLeft(cal, '2026-10-09', '2026-09-30')).toBe(2); // 8 and 9 October
    expect(assess(cal, task({ today: '2026-09-30', startDate: '2026-09-01', dueDate: '2026-10-09', progress: 95 })).warning).toBe('yellow');
  });

  it('is blue across the Spring Festival: Friday 13 Feb to Wednesday 25 Feb is 3 working days (make-up Saturday 14th)', () => {
    expect(workingDaysLeft(cal, '2026-02-25', '2026-02-13')).toBe(3);
    expect(assess(cal, task({ today: '2026-02-13', startDate: '2026-02-02', dueDate: '2026-02-25', progress: 80 })).warning).toBe('blue');
  });

  it('stays clear while plenty of working days are left and progress keeps pace', () => {
    const a = assess(cal, task({ today: '2026-04-01', startDate: '2026-03-02', dueDate: '2026-05-29', progress: 55 }));
    expect(a.warning).toBe('none');
    expect(a.workingDaysLeft).toBeGreaterThan(5);
  });

  it('turns yellow when progress is behind the time-elapsed schedule (序时进度) by more than the margin', () => {
    const input = task({ today: '2026-04-30', startDate: '2026-03-02', dueDate: '2026-06-30' });
    const schedule = scheduleProgress(cal, input.startDate, input.dueDate, input.today);
    expect(schedule).toBeGreaterThan(40);
    expect(assess(cal, { ...input, progress: schedule - 10 }).warning).toBe('none');
    expect(assess(cal, { ...input, progress: schedule - 11 }).warning).toBe('yellow');
  });

  it('is red the day after the due date, also when that day is a holiday, with negative working days left', () => {
    const a = assess(cal, task({ today: '2026-10-01', startDate: '2026-09-01', dueDate: '2026-09-30', progress: 99 }));
    expect(a).toMatchObject({ warning: 'red', scheduleProgress: 100, workingDaysLeft: -1 });
    expect(workingDaysLeft(cal, '2026-09-30', '2026-10-09')).toBe(-2); // 8 and 9 October
  });

  it('never colours drafts or closed tasks', () => {
    expect(assess(cal, task({ today: '2026-10-01', dueDate: '2026-09-30', status: 'closed' })).warning).toBe('none');
    expect(assess(cal, task({ today: '2026-10-01', dueDate: '2026-09-30', status: 'draft' })).warning).toBe('none');
  });

  it('measures the schedule in working days: none before the start, all on the due date', () => {
    expect(scheduleProgress(cal, '2026-03-02', '2026-03-13', '2026-02-27')).toBe(0);
    expect(scheduleProgress(cal, '2026-03-02', '2026-03-13', '2026-03-06')).toBe(50); // 5 of 10 working days
    expect(scheduleProgress(cal, '2026-03-02', '2026-03-13', '2026-03-08')).toBe(50); // the weekend adds nothing
    expect(scheduleProgress(cal, '2026-03-02', '2026-03-13', '2026-03-13')).toBe(100);
  });

  it('gives the same answers memoised', () => {
    const fast = memoisedAssess(cal);
    for (const over of [
      { today: '2026-09-30', dueDate: '2026-10-09' },
      { today: '2026-10-12', dueDate: '2026-10-09' },
      { today: '2026-03-02' },
    ]) {
      expect(fast(task(over))).toEqual(assess(cal, task(over)));
    }
  });
});
