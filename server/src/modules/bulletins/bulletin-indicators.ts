import { detailMessage, type BulletinIndicator, type BulletinIndicatorKey, type Lang } from '@qinlian/contracts';
import { invalid } from '../../platform/errors.ts';

/**
 * 通报指标: what a department is ranked on, and how much each counts. The office sets them per plan
 * (bulletin_settings); a draft copies them, and its weights may still be changed before review.
 */

/** Names as the bulletin prints them, and in English. */
export const INDICATOR_NAMES: Record<BulletinIndicatorKey, { zh: string; en: string }> = {
  on_time_rate: { zh: '按时办结率', en: 'on-time rate' },
  close_rate: { zh: '办结率', en: 'close-out rate' },
  red_count: { zh: '红灯数', en: 'red items' },
  returned_count: { zh: '退回次数', en: 'returned close-outs' },
  public_rating: { zh: '群众评价', en: 'public rating' },
};

/**
 * Indicators without a source yet: the ratings module offers no average per department and period
 * through its front door (only the last twelve months of one department), so 群众评价 stays at
 * weight 0 and its column empty rather than filled with a guess.
 */
export const UNAVAILABLE_INDICATORS: readonly BulletinIndicatorKey[] = ['public_rating'];

/** A plan's indicators before the office sets its own: rates count most, then red items and returns. */
export const DEFAULT_INDICATORS: BulletinIndicator[] = [
  { key: 'on_time_rate', weight: 40, direction: 'higher' },
  { key: 'close_rate', weight: 30, direction: 'higher' },
  { key: 'red_count', weight: 20, direction: 'lower' },
  { key: 'returned_count', weight: 10, direction: 'lower' },
  { key: 'public_rating', weight: 0, direction: 'higher' },
];

/**
 * The indicators as given, each once, an unavailable one at weight 0, the weights adding up to 100:
 * otherwise 400 naming the field (`path` is where the array sits in the body).
 */
export function checkIndicators(indicators: BulletinIndicator[], lang: Lang, path: string): BulletinIndicator[] {
  const seen = new Set<BulletinIndicatorKey>();
  indicators.forEach((i, n) => {
    if (seen.has(i.key)) throw invalid([{ path: `${path}.${n}.key`, message: detailMessage('bulletin_indicator_twice', lang) }]);
    seen.add(i.key);
    if (i.weight > 0 && UNAVAILABLE_INDICATORS.includes(i.key))
      throw invalid([{ path: `${path}.${n}.weight`, message: detailMessage('bulletin_indicator_unavailable', lang) }]);
  });
  const sum = indicators.reduce((s, i) => s + i.weight, 0);
  if (sum !== 100) throw invalid([{ path, message: detailMessage('bulletin_weights_sum', lang, { sum }) }]);
  return indicators.map(({ key, weight, direction }) => ({ key, weight, direction }));
}
