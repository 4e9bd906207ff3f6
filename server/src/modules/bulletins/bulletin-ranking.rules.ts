import type { BulletinIndicator, BulletinIndicatorKey, BulletinRankingRow } from '@qinlian/contracts';

/**
 * 综合排名: each weighted indicator normalised across the departments that have a figure of it
 * (min–max: the best figure scores 1, the worst 0, all equal scores 1), the score the weighted mean
 * of a department's normalised figures × 100 — an indicator a department has no figure of (a rate
 * over nothing) is left out of its mean rather than counted as 0 or 1. Only a department whose work
 * came to a head in the quarter — something closed in it, or overdue at its end — is ranked: one with
 * neither would otherwise top the list on having no red items and no returns. Pure: the snapshot is
 * re-ranked from its stored figures when the weights change, and gives the same order every time.
 */

/** A department's raw figures over the quarter (what the snapshot keeps). */
export type QuarterFigures = {
  departmentId: string;
  departmentName: string;
  closed: number;
  closedOnTime: number;
  overdue: number;
  red: number;
  returned: number;
  publicRating: number | null;
};

/** A share in percent with one decimal; null over nothing. */
export const percent = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : null);

export const onTimeRateOf = (f: Pick<QuarterFigures, 'closed' | 'closedOnTime'>) => percent(f.closedOnTime, f.closed);
export const closeRateOf = (f: Pick<QuarterFigures, 'closed' | 'overdue'>) => percent(f.closed, f.closed + f.overdue);

type Rated = QuarterFigures & { onTimeRate: number | null; closeRate: number | null };

const FIGURE: Record<BulletinIndicatorKey, (f: Rated) => number | null> = {
  on_time_rate: (f) => f.onTimeRate,
  close_rate: (f) => f.closeRate,
  red_count: (f) => f.red,
  returned_count: (f) => f.returned,
  public_rating: (f) => f.publicRating,
};
export const figureOf = (key: BulletinIndicatorKey, f: Rated) => FIGURE[key](f);

/** Each weighted indicator's normaliser over these departments. */
function normalisers(rated: Rated[], indicators: BulletinIndicator[]) {
  const rows = rated.filter(assessable);
  return indicators
    .filter((i) => i.weight > 0)
    .map((i) => {
      const values = rows.map((r) => figureOf(i.key, r)).filter((v): v is number => v !== null);
      const [min, max] = [Math.min(...values), Math.max(...values)];
      const normal = (v: number) => (max === min ? 1 : i.direction === 'higher' ? (v - min) / (max - min) : (max - v) / (max - min));
      return { indicator: i, normal };
    });
}

/** 参加排名: something closed within the quarter, or overdue at its end. */
export const assessable = (f: Pick<QuarterFigures, 'closed' | 'overdue'>) => f.closed + f.overdue > 0;

function scoreOf(r: Rated, scales: ReturnType<typeof normalisers>): number | null {
  if (!assessable(r)) return null;
  let weighted = 0;
  let weights = 0;
  for (const { indicator, normal } of scales) {
    const v = figureOf(indicator.key, r);
    if (v === null) continue;
    weighted += indicator.weight * normal(v);
    weights += indicator.weight;
  }
  return weights === 0 ? null : Math.round((10_000 * weighted) / weights) / 100;
}

const collator = new Intl.Collator('zh-CN');

/**
 * Ties, deterministically: the printed score (two decimals), then more closed, then fewer overdue,
 * then the department's name (Chinese collation) and id. Unscored departments come last.
 */
function byPlace(a: Rated & { score: number | null }, b: Rated & { score: number | null }): number {
  if (a.score === null || b.score === null) return a.score === b.score ? 0 : a.score === null ? 1 : -1;
  return (
    b.score - a.score ||
    b.closed - a.closed ||
    a.overdue - b.overdue ||
    collator.compare(a.departmentName, b.departmentName) ||
    a.departmentId.localeCompare(b.departmentId)
  );
}

/** The departments in their places, the best and the worst marked (only when at least two are ranked). */
export function rankDepartments(figures: QuarterFigures[], indicators: BulletinIndicator[]): BulletinRankingRow[] {
  const rated: Rated[] = figures.map((f) => ({ ...f, onTimeRate: onTimeRateOf(f), closeRate: closeRateOf(f) }));
  const scales = normalisers(rated, indicators);
  const scored = rated.map((r) => ({ ...r, score: scoreOf(r, scales) })).sort(byPlace);
  const ranked = scored.filter((r) => r.score !== null).length;
  return scored.map((r, i) => {
    const rank = r.score === null ? null : i + 1;
    return { ...r, rank, best: ranked > 1 && rank === 1, worst: ranked > 1 && rank === ranked };
  });
}
