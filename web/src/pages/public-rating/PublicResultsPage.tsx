import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PublicDepartmentRatings } from '@qinlian/contracts';
import { formatDay } from '../../components/public/format.ts';
import { isBadScore, RATING_SCORES } from './contractMirror.ts';
import { formatAverage } from './format.ts';
import { useDepartmentResults } from './hooks.ts';
import { PublicProblem } from './PublicProblem.tsx';
import { RatingStars } from './RatingStars.tsx';
import './public-rating.css';
import './public-results.css';

/** 满意程度分布: a bar per level, the best on top, as plain boxes (no chart library on a phone). */
function Distribution({ counts }: { counts: number[] }) {
  const { t } = useTranslation();
  const total = counts.reduce((a, b) => a + b, 0);
  const most = Math.max(1, ...counts);
  return (
    <ul className="distribution" data-testid="results-distribution">
      {[...RATING_SCORES].reverse().map((s) => {
        const n = counts[s - 1] ?? 0;
        return (
          <li key={s} data-score={s}>
            <span className="distribution-label">{t(`public.levels.${s}`)}</span>
            <span className="distribution-track">
              <span className={`distribution-bar${isBadScore(s) ? ' bad' : ''}`} style={{ width: `${(n / most) * 100}%` }} />
            </span>
            <span className="distribution-count">
              {n}
              {total > 0 && <span className="public-muted"> · {Math.round((n / total) * 100)}%</span>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

type BadReview = PublicDepartmentRatings['badReviews'][number];

/** One bad review as published: when, how bad, and what became of it (整改 / 申诉). */
function BadReviewRow({ r }: { r: BadReview }) {
  const { t, i18n } = useTranslation();
  const handled = r.rectificationStatus ? t(`public.results.rectification.${r.rectificationStatus}`) : t('public.results.noRectification');
  return (
    <li className="bad-review" data-testid="results-bad-review">
      <div className="bad-review-head">
        <span>{formatDay(r.ratedOn, i18n.language)}</span>
        <span className="bad-review-level">{t(`public.levels.${r.score}`)}</span>
      </div>
      <div className="bad-review-state">
        <span className={`handled ${r.rectificationStatus ?? 'none'}`}>{handled}</span>
        {r.dueOn && r.rectificationStatus !== 'verified' && r.rectificationStatus !== 'withdrawn' && (
          <span className="public-muted">{t('public.results.dueOn', { date: formatDay(r.dueOn, i18n.language) })}</span>
        )}
        {r.appealState !== 'none' && <span className="public-muted">{t(`public.results.appeal.${r.appealState}`)}</span>}
      </div>
    </li>
  );
}

/** 评价结果公示 (/p/r/<code>): a department's figures of the last 12 months and how each bad review was handled. */
export function PublicResultsPage() {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const query = useDepartmentResults(code);
  if (query.isPending) return <p className="public-loading">{t('common.loading')}</p>;
  if (query.isError)
    return (
      <PublicProblem
        error={query.error}
        notFound="public.results.notFound"
        badCode="public.results.notFound"
        failed="public.results.loadFailed"
      />
    );
  const d = query.data;
  return (
    <div data-testid="public-results">
      <section className="public-card">
        <p className="badge-kicker">{t('public.results.title')}</p>
        <h2 data-testid="results-department">{d.departmentName}</h2>
        <p className="public-muted">
          {t('public.results.period', { from: formatDay(d.from, i18n.language), to: formatDay(d.to, i18n.language) })}
        </p>
        <div className="results-figures">
          <div>
            <span className="results-figure" data-testid="results-count">
              {d.summary.count}
            </span>
            <span className="public-muted">{t('public.results.count')}</span>
          </div>
          <div>
            <span className="results-figure" data-testid="results-average">
              {d.summary.average === null ? t('public.results.noAverage') : formatAverage(d.summary.average)}
            </span>
            <span className="public-muted">{t('public.results.average')}</span>
          </div>
        </div>
        <RatingStars summary={d.summary} />
      </section>
      <section className="public-card">
        <h2>{t('public.results.distribution')}</h2>
        <Distribution counts={d.distribution} />
      </section>
      <section className="public-card">
        <h2>{t('public.results.badReviews')}</h2>
        {d.badReviews.length === 0 ? (
          <p className="public-muted">{t('public.results.noBadReviews')}</p>
        ) : (
          <ul className="bad-reviews">
            {d.badReviews.map((r, i) => (
              <BadReviewRow key={i} r={r} />
            ))}
          </ul>
        )}
        <p className="public-note">{t('public.results.note')}</p>
      </section>
    </div>
  );
}
