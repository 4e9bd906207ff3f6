import type { RatingReceipt, RatingScore } from '@qinlian/contracts';
import type { RatingRow } from './ratings.repo.ts';

/** What the rater is told: their score, whether it is a bad review (it will be followed up), the service day. Nothing else. */
export const presentReceipt = (r: RatingRow): RatingReceipt => ({ score: r.score as RatingScore, bad: r.bad === 1, ratedOn: r.ratedOn });
