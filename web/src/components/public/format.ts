/**
 * Dates for the public pages with the browser's Intl (no date library to download), as the office
 * keeps them: Asia/Shanghai, whatever the phone's own zone.
 */
const ZONE = 'Asia/Shanghai';

const monthStyle = (lang: string) => (lang === 'zh-CN' ? 'long' : 'short');

/** A calendar day 'YYYY-MM-DD' as 2026年12月7日 / 7 Dec 2026. */
export function formatDay(day: string, lang: string): string {
  const at = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return day;
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: monthStyle(lang), day: 'numeric', timeZone: 'UTC' }).format(at);
}

/**
 * An instant in Shanghai: 2026年12月8日 14:30 / 8 Dec 2026, 14:30 for a record; without its year
 * (12月8日 14:30) where the moment is near, as when a badge holder is expected back.
 */
export function formatMoment(instant: string, lang: string, { withYear = true } = {}): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  return new Intl.DateTimeFormat(lang, {
    ...(withYear ? { year: 'numeric' } : {}),
    month: monthStyle(lang),
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: ZONE,
  }).format(at);
}
