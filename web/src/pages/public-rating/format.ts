/**
 * Dates and figures for the public pages, with the browser's Intl (no date library to download).
 * Times are shown as the office keeps them: Asia/Shanghai, whatever the phone's own zone.
 */
const ZONE = 'Asia/Shanghai';

/** A calendar day 'YYYY-MM-DD' as 2026年12月7日 / 7 Dec 2026. */
export function formatDay(day: string, lang: string): string {
  const at = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return day;
  return new Intl.DateTimeFormat(lang, {
    year: 'numeric',
    month: lang === 'zh-CN' ? 'long' : 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(at);
}

/** An instant as 12月8日 14:30 / 8 Dec, 14:30 in Shanghai. */
export function formatMoment(instant: string, lang: string): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  return new Intl.DateTimeFormat(lang, {
    month: lang === 'zh-CN' ? 'long' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: ZONE,
  }).format(at);
}

/** An instant with its year, for the record of an enquiry. */
export function formatInstantFull(instant: string, lang: string): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  return new Intl.DateTimeFormat(lang, {
    year: 'numeric',
    month: lang === 'zh-CN' ? 'long' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: ZONE,
  }).format(at);
}

/** An average score to one decimal (4.6). */
export const formatAverage = (average: number) => (Math.round(average * 10) / 10).toFixed(1);
