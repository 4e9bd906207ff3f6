import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RatingAppealState, RatingScore } from '@qinlian/contracts';

/** 1 red … 5 green: the bad reviews stand out in a list. */
export const SCORE_COLOURS: Record<RatingScore, string> = { 1: '#cf1322', 2: '#fa541c', 3: '#d4b106', 4: '#7cb305', 5: '#389e0d' };

/** "2 不满意" in the level's colour. */
export function ScoreTag({ score }: { score: RatingScore }) {
  const { t } = useTranslation();
  return (
    <Tag color={SCORE_COLOURS[score]} style={{ marginInlineEnd: 0 }} data-testid="rating-score" data-score={score}>
      {score} {t(`ratings.levels.${score}`)}
    </Tag>
  );
}

const APPEAL_COLOURS: Record<RatingAppealState, string> = { none: 'default', appealed: 'processing', upheld: 'success', rejected: 'error' };

/** 未申诉 / 申诉中 / 申诉成立 / 申诉不成立. */
export function AppealTag({ state }: { state: RatingAppealState }) {
  const { t } = useTranslation();
  return (
    <Tag color={APPEAL_COLOURS[state]} style={{ marginInlineEnd: 0 }} data-testid="rating-appeal-state" data-state={state}>
      {t(`ratings.appealStates.${state}`)}
    </Tag>
  );
}
