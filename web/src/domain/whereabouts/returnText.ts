/**
 * When someone is expected back, as a person at the door reads it: "15:00 返回" today, "12月9日返回"
 * on another day. Times are the office's (Asia/Shanghai, no daylight saving), whatever the screen's
 * own zone; the browser's Intl does the words, so no date library is downloaded for it.
 */
const SHANGHAI_MS = 8 * 3_600_000;

/** The calendar day in Shanghai of an instant, as YYYY-MM-DD. */
export const shanghaiDay = (at: Date | number): string => new Date(+at + SHANGHAI_MS).toISOString().slice(0, 10);

/** 15:00 */
export function shanghaiTime(instant: string | Date): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return String(instant);
  return new Date(+at + SHANGHAI_MS).toISOString().slice(11, 16);
}

/** 12月9日 / Dec 9 */
export function shanghaiMonthDay(instant: string | Date, lang: string): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return String(instant);
  return new Intl.DateTimeFormat(lang, { month: lang === 'zh-CN' ? 'long' : 'short', day: 'numeric', timeZone: 'Asia/Shanghai' }).format(
    at,
  );
}

/**
 * The parts of a return time: `today` when it falls on the same Shanghai day as `now` (show the
 * time), otherwise the date (and the time, for those who want it).
 */
export function returnParts(instant: string, now: Date, lang: string) {
  const today = shanghaiDay(new Date(instant)) === shanghaiDay(now);
  return { today, time: shanghaiTime(instant), date: shanghaiMonthDay(instant, lang) };
}
