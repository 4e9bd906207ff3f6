import { Flex, Rate, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RatingSummary } from '@qinlian/contracts';

/** A rating summary as stars to the half and "4.6 分 · 12 次"; "暂无评价" without any. */
export function BadgeRating({ summary }: { summary: RatingSummary }) {
  const { t } = useTranslation();
  if (summary.count === 0 || summary.average === null)
    return (
      <Typography.Text type="secondary" data-testid="badge-rating">
        {t('badges.card.noRating')}
      </Typography.Text>
    );
  return (
    <Flex gap={8} align="center" wrap data-testid="badge-rating">
      <Rate disabled allowHalf value={Math.round(summary.average * 2) / 2} style={{ fontSize: 14 }} />
      <Typography.Text>{t('badges.card.ratingLine', { average: summary.average.toFixed(1), count: summary.count })}</Typography.Text>
    </Flex>
  );
}
