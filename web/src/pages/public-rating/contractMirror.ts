import type { RatingScore, WhereaboutsState } from '@qinlian/contracts';

/**
 * What the public pages need of the contracts at run time, copied so that a phone opening a badge
 * does not download the contracts' schemas (zod) for five numbers: contractMirror.test.ts holds each
 * equal to its source in contracts/ratings.ts and contracts/whereabouts.ts. Types come from the
 * contracts as they are (they cost nothing at run time).
 */
export const RATING_SCORES = [1, 2, 3, 4, 5] as const satisfies readonly RatingScore[];
/** RATING_COMMENT_MAX: the longest comment (UTF-16 units after trimming, as zod counts) */
export const COMMENT_MAX = 500;
/** BAD_REVIEW_MAX_SCORE: 1 and 2 are bad reviews (差评) */
export const BAD_MAX = 2;
/** AWAY_STATES: the holder is away and their B acts (AB岗) */
export const AWAY: ReadonlySet<WhereaboutsState> = new Set<WhereaboutsState>(['out', 'trip', 'leave', 'training']);

export const isBadScore = (score: number) => score <= BAD_MAX;
