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

/** National working-day flags of a year (1 = working), from chinese-days once per process: the data never changes at run time. */
const nationalYears = new Map<number, Uint8Array>();
function nationalYear(year: number): Uint8Array {
  let flags = nationalYears.get(year);
  if (!flags) {
    const days = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS;
    flags = new Uint8Array(days);
    for (let i = 0; i < days; i++) flags[i] = chineseDays.isWorkday(fromUtc(Date.UTC(year, 0, 1) + i * DAY_MS)) ? 1 : 0;
    nationalYears.set(year, flags);
  }
  return flags;
}
const dayOfYear = (date: string) => (toUtc(date) - Date.UTC(Number(date.slice(0, 4)), 0, 1)) / DAY_MS;

/**
 * Counting is O(1) per call: each year's flags (national data with the local overrides on top) and
 * their running totals are built once per calendar, so a list page or a nightly refresh over many
 * tasks does not walk day by day through chinese-days.
 */
export function workingCalendar(overrides: ReadonlyMap<string, boolean> = new Map()): WorkingCalendar {
  const years = new Map<number, { flags: Uint8Array; through: Int32Array }>();
  const year = (y: number) => {
    let data = years.get(y);
    if (!data) {
      const flags = Uint8Array.from(nationalYear(y));
      for (const [date, working] of overrides) if (Number(date.slice(0, 4)) === y) flags[dayOfYear(date)] = working ? 1 : 0;
      const through = new Int32Array(flags.length); // working days from 1 January through day i
      for (let i = 0, sum = 0; i < flags.length; i++) {
        sum += flags[i]!;
        through[i] = sum;
      }
      data = { flags, through };
      years.set(y, data);
    }
    return data;
  };
  const isWorkingDay = (date: string) => year(Number(date.slice(0, 4))).flags[dayOfYear(date)] === 1;
  /** working days from 1 January of `date`'s year through `date` */
  const throughDay = (date: string) => year(Number(date.slice(0, 4))).through[dayOfYear(date)]!;
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
      if (to < from) return 0;
      const fromYear = Number(from.slice(0, 4));
      const toYear = Number(to.slice(0, 4));
      let count = throughDay(to) - throughDay(from) + (isWorkingDay(from) ? 1 : 0);
      for (let y = fromYear; y < toYear; y++) count += year(y).through.at(-1)!;
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
