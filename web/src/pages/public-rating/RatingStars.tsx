import { useTranslation } from 'react-i18next';
import type { RatingSummary } from '@qinlian/contracts';
import { formatAverage } from './format.ts';

/** Five stars filled to the average, with the count in words; "not rated yet" without any. */
export function RatingStars({ summary }: { summary: RatingSummary }) {
  const { t } = useTranslation();
  if (summary.count === 0 || summary.average === null)
    return (
      <p className="public-muted rating-line" data-testid="rating-summary">
        {t('public.badge.noRating')}
      </p>
    );
  const average = formatAverage(summary.average);
  return (
    <p className="rating-line" data-testid="rating-summary">
      <span className="stars" aria-hidden="true">
        <span className="stars-empty">★★★★★</span>
        <span className="stars-full" style={{ width: `${(summary.average / 5) * 100}%` }}>
          ★★★★★
        </span>
      </span>
      <span>{t('public.badge.ratingLine', { count: summary.count, average })}</span>
    </p>
  );
}
