import type { TFunction } from 'i18next';

/** 2026-03 → 2026年3月; 2026-H1 → 2026年上半年 (in the reader's language). */
export function periodLabel(t: TFunction, period: string): string {
  const year = period.slice(0, 4);
  if (period.endsWith('H1') || period.endsWith('H2')) return t(`summaries.halfLabel.${period.endsWith('H1') ? 'H1' : 'H2'}`, { year });
  return t('summaries.monthLabel', { year, month: Number(period.slice(5, 7)) });
}

/** The current half year and the three before it, newest first: the choices of a half-year filter or form. */
export function recentHalves(today = new Date()): string[] {
  const year = today.getFullYear();
  const first = today.getMonth() < 6;
  return first
    ? [`${year}-H1`, `${year - 1}-H2`, `${year - 1}-H1`, `${year - 2}-H2`]
    : [`${year}-H2`, `${year}-H1`, `${year - 1}-H2`, `${year - 1}-H1`];
}
