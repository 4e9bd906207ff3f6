/**
 * The periods ratings are counted over, in service days (YYYY-MM-DD, Asia/Shanghai). "The last 12
 * months" is this month and the 11 before it, whole, so a badge's summary and the charts' months agree.
 */

/** The first day of the month `back` months before the month of `date`. */
export function monthStart(date: string, back = 0): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 - back;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-01`;
}

/** From the first day of the month 11 months back, to today. */
export const lastTwelveMonths = (today: string) => ({ from: monthStart(today, 11), to: today });

/** Every month (YYYY-MM) from the month of `from` to the month of `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = monthStart(from); m <= to;) {
    out.push(m.slice(0, 7));
    const y = Number(m.slice(0, 4));
    const mm = Number(m.slice(5, 7));
    m = mm === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${m.slice(0, 5)}${String(mm + 1).padStart(2, '0')}-01`;
  }
  return out;
}

/** The longest period the statistics cover at once (months), so a chart's series stays small. */
export const MAX_STATS_MONTHS = 60;
