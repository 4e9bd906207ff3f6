import { describe, expect, it } from 'vitest';
import { AWAY_STATES, BAD_REVIEW_MAX_SCORE, RATING_COMMENT_MAX, RATING_LEVELS, RatingScore } from '@qinlian/contracts';
import { enPublicRating } from '../../i18n/en-US.public-rating.ts';
import { zhPublicRating } from '../../i18n/zh-CN.public-rating.ts';
import { AWAY, BAD_MAX, COMMENT_MAX, RATING_SCORES } from './contractMirror.ts';

describe("the public pages' copy of the contracts", () => {
  it('has the same scores, comment limit, bad-review line and away states', () => {
    expect(RATING_SCORES.every((s) => RatingScore.safeParse(s).success)).toBe(true);
    expect(RatingScore.safeParse(0).success || RatingScore.safeParse(6).success).toBe(false);
    expect(COMMENT_MAX).toBe(RATING_COMMENT_MAX);
    expect(BAD_MAX).toBe(BAD_REVIEW_MAX_SCORE);
    expect([...AWAY].sort()).toEqual([...AWAY_STATES].sort());
  });

  it('names the five levels as the contracts do, in both languages', () => {
    for (const s of RATING_SCORES) {
      expect(zhPublicRating.levels[s]).toBe(RATING_LEVELS[s]!['zh-CN']);
      expect(enPublicRating.levels[s]).toBe(RATING_LEVELS[s]!['en-US']);
    }
  });
});
