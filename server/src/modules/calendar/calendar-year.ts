import type { CalendarOverride, CalendarSpecialDay, CalendarYear, Lang } from '@qinlian/contracts';
import type { Executor } from '../../platform/db/database.ts';
import { listOverrides } from '../../platform/calendar/calendar.service.ts';
import { nextDate, officialDataCoveredThrough, workingCalendar } from '../../platform/calendar/working-days.ts';

/** The national calendar alone (no local overrides): what a day would be without them. */
const national = workingCalendar();
const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/** chinese-days names a festival day "National Day,国庆节,3" (English, Chinese, length) and a plain day "Monday". */
function festivalName(name: string, lang: Lang): string | null {
  const [en, zh] = name.split(',');
  if (zh === undefined) return null;
  return lang === 'en-US' ? (en ?? zh) : zh;
}

export const overridesOfYear = async (db: Executor, year?: number): Promise<CalendarOverride[]> => {
  const all = await listOverrides(db);
  return year === undefined ? all : all.filter((o) => o.date.startsWith(`${year}-`));
};

/**
 * 全年日历: every day of `year` that is not simply "Monday–Friday work, weekend rest" — national
 * holidays, adjusted working weekends (调休), festival days on a weekend, and local overrides.
 */
export async function calendarYear(db: Executor, year: number, lang: Lang): Promise<CalendarYear> {
  const local = new Map((await overridesOfYear(db, year)).map((o) => [o.date, o]));
  const covered = year <= officialDataCoveredThrough();
  const items: CalendarSpecialDay[] = [];
  for (let date = `${year}-01-01`; date.startsWith(`${year}-`); date = nextDate(date)) {
    const override = local.get(date);
    const official = national.dayInfo(date);
    const holiday = covered ? festivalName(official.name, lang) : null;
    if (override) {
      items.push({ date, working: override.working, source: 'local', holiday, note: override.note || null });
    } else if (covered && (holiday !== null || official.working === isWeekend(date))) {
      items.push({ date, working: official.working, source: 'official', holiday, note: null });
    }
  }
  return { year, covered, items };
}
