import { isApiError } from '../../api/client.ts';

/**
 * Dates for the public pages with the browser's Intl (no date library to download), as the office
 * keeps them: Asia/Shanghai, whatever the phone's own zone.
 */
const ZONE = 'Asia/Shanghai';

/** A calendar day 'YYYY-MM-DD' as 2026年8月6日 / 6 Aug 2026. */
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

/** An instant as 2026年12月8日 14:30 / 8 Dec 2026, 14:30 in Shanghai. */
export function formatMoment(instant: string, lang: string): string {
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

/**
 * The server's refusal, already in the language it was asked in: its sentence, and the fields it
 * names by the form's own names (`body.phone` → `phone`) so each shows beside its input.
 */
export function serverAnswer(err: unknown): { message: string; fields: Record<string, string> } {
  if (!isApiError(err)) return { message: String(err), fields: {} };
  const fields: Record<string, string> = {};
  for (const f of err.fields) {
    const name = f.path.replace(/^body\./, '');
    if (name && !fields[name]) fields[name] = f.message;
  }
  return { message: err.message, fields };
}
