import { describe, expect, it } from 'vitest';
import { nextDate, officialDataCoveredThrough, shanghaiDate, workingCalendar } from './working-days.ts';

const cal = workingCalendar();

describe('working days on the Chinese public-holiday calendar', () => {
  it('knows the 2026 Spring Festival break and its make-up Saturdays', () => {
    // 2026春节: 2月15日至23日放假，2月14日（周六）、2月28日（周六）上班
    for (let d = '2026-02-15'; d <= '2026-02-23'; d = nextDate(d)) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
    expect(cal.isWorkingDay('2026-02-13')).toBe(true);
  });

  it('counts across the Spring Festival: the 3rd working day after Friday 13 Feb is Tuesday 24 Feb', () => {
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14'); // make-up Saturday
    expect(cal.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(cal.addWorkingDays('2026-02-13', 3)).toBe('2026-02-25');
    expect(cal.workingDaysBetween('2026-02-09', '2026-02-28')).toBe(5 + 1 + 4 + 1);
  });

  it('knows the 2026 National Day week and the make-up Saturday 10 October', () => {
    for (let d = '2026-10-01'; d <= '2026-10-07'; d = nextDate(d)) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay('2026-10-10')).toBe(true);
    expect(cal.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(cal.workingDaysBetween('2026-10-01', '2026-10-11')).toBe(3); // 8, 9 and Saturday 10
  });

  it('counts plain weeks inclusively and treats n = 0 as the start day', () => {
    expect(cal.workingDaysBetween('2026-03-02', '2026-03-08')).toBe(5);
    expect(cal.workingDaysBetween('2026-03-02', '2026-03-02')).toBe(1);
    expect(cal.workingDaysBetween('2026-03-03', '2026-03-02')).toBe(0);
    expect(cal.addWorkingDays('2026-03-06', 0)).toBe('2026-03-06');
    expect(cal.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
  });

  it('applies local overrides above the national data', () => {
    const local = workingCalendar(
      new Map([
        ['2026-03-09', false],
        ['2026-03-07', true],
      ]),
    );
    expect(local.addWorkingDays('2026-03-06', 1)).toBe('2026-03-07');
    expect(local.addWorkingDays('2026-03-06', 2)).toBe('2026-03-10');
    expect(local.dayInfo('2026-03-09')).toMatchObject({ working: false, source: 'local' });
  });

  it('says how far the official data reaches', () => {
    expect(officialDataCoveredThrough()).toBeGreaterThanOrEqual(2026);
    expect(cal.dayInfo('2026-10-01')).toMatchObject({ working: false, source: 'official' });
  });

  it('takes dates in Asia/Shanghai', () => {
    expect(shanghaiDate(new Date('2026-02-13T16:30:00Z'))).toBe('2026-02-14');
    expect(shanghaiDate(new Date('2026-02-13T15:59:00Z'))).toBe('2026-02-13');
  });
});
