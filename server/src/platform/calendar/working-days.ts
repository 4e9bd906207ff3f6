import chineseDays from 'chinese-days';

/**
 * The working-day calendar (工作日历): the national public holidays and adjusted working weekends
 * (调休) from `chinese-days`, with local overrides on top. Dates are YYYY-MM-DD in Asia/Shanghai.
 */
export type WorkingCalendar = {
  isWorkingDay(date: string): boolean;
  /** the Nth working day after `start` (start itself when n = 0) */
  addWorkingDays(start: string, n: number): string;
  /** working days from `from` to `to`, both ends included; 0 when to < from */
  workingDaysBetween(from: string, to: string): number;
  dayInfo(date: string): { working: boolean; name: string; source: 'official' | 'local' | 'weekday-rule' };
};

const DAY_MS = 86_400_000;
const toUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const nextDate = (date: string, days = 1) => fromUtc(toUtc(date) + days * DAY_MS);

/** Today's date in Asia/Shanghai (UTC+8, no daylight saving). */
export const shanghaiDate = (instant: Date) => fromUtc(instant.getTime() + 8 * 3_600_000);

/** The last year the national data covers: New Year's Day and National Day are holidays in every covered year. */
export function officialDataCoveredThrough(): number {
  let year = 2020;
  while (chineseDays.isHoliday(`${year + 1}-01-01`) && chineseDays.isHoliday(`${year + 1}-10-01`)) year++;
  return year;
}
const COVERED_THROUGH = officialDataCoveredThrough();

export function workingCalendar(overrides: ReadonlyMap<string, boolean> = new Map()): WorkingCalendar {
  const isWorkingDay = (date: string) => overrides.get(date) ?? chineseDays.isWorkday(date);
  return {
    isWorkingDay,
    addWorkingDays(start, n) {
      let date = start;
      for (let left = n; left > 0;) {
        date = nextDate(date);
        if (isWorkingDay(date)) left--;
      }
      return date;
    },
    workingDaysBetween(from, to) {
      let count = 0;
      for (let d = from; d <= to; d = nextDate(d)) if (isWorkingDay(d)) count++;
      return count;
    },
    dayInfo(date) {
      const local = overrides.get(date);
      if (local !== undefined) return { working: local, name: local ? '本地调整上班' : '本地调整休息', source: 'local' };
      const detail = chineseDays.getDayDetail(date);
      const covered = Number(date.slice(0, 4)) <= COVERED_THROUGH;
      return { working: detail.work, name: detail.name, source: covered ? 'official' : 'weekday-rule' };
    },
  };
}
