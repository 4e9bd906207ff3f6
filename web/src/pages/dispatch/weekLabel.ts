import type { TFunction } from 'i18next';

/** 2026-W11 → 2026年第11周 / Week 11 of 2026 */
export const weekLabel = (t: TFunction, week: string) => t('dispatch.weekOf', { year: week.slice(0, 4), n: Number(week.slice(6)) });
