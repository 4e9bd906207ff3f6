import type { TFunction } from 'i18next';

/**
 * 估算投资 as people read money: whole yuan, in 万元 from ten thousand up in Chinese (3,800 万元),
 * digit-grouped yuan in English. Shared by the console's analysis and the public progress page.
 */
export function formatYuan(value: number, t: TFunction, language: string): string {
  const zh = language.startsWith('zh');
  const number = (n: number, digits = 0) => new Intl.NumberFormat(zh ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits }).format(n);
  if (zh && value >= 10_000) return t('publicProjects.tenThousandYuan', { value: number(value / 10_000, 2) });
  return t('publicProjects.yuan', { value: number(value) });
}
