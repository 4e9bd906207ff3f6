import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CountedTextarea } from '../../components/public/CountedTextarea.tsx';
import { RatingLevels } from '../../components/public/RatingLevels.tsx';
import { useRatingDraft } from '../../components/public/useRatingDraft.ts';
import { serverAnswer } from './format.ts';
import { useRateDemand } from './hooks.ts';
import { BAD_RATING_MAX, COMMENT_MAX, RATINGS } from './limits.ts';
import './demand-rating.css';

/**
 * 满意度评价 of the answer, once it came: five big levels to tap (非常不满意 … 非常满意), an optional
 * comment with its counter. The page then shows the item as the server answers it (rated, no form).
 */
export function DemandRatingForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const rate = useRateDemand(code);
  const draft = useRatingDraft(COMMENT_MAX);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const rating = draft.toSend(t('publicDemands.rate.pickLevel'));
    if (!rating) return;
    rate.mutate(
      { rating: rating.level, comment: rating.comment || undefined },
      { onError: (err) => draft.setError(serverAnswer(err).message) },
    );
  };

  return (
    <form className="public-card pd-rate" onSubmit={submit} noValidate data-testid="demand-rate-form">
      <h2>{t('publicDemands.rate.title')}</h2>
      <p className="pd-muted">{t('publicDemands.rate.hint')}</p>
      <RatingLevels
        levels={RATINGS}
        name="rating"
        legend={t('publicDemands.rate.title')}
        value={draft.level}
        onChange={draft.choose}
        labelOf={(r) => t(`publicDemands.levels.${r}`)}
        testIdOf={(r) => `demand-rate-${r}`}
        badNote={draft.level !== null && draft.level <= BAD_RATING_MAX ? t('publicDemands.rate.badNote') : null}
      />
      <CountedTextarea
        label={
          <>
            {t('publicDemands.rate.comment')}
            <span className="pd-optional">{t('publicDemands.form.optional')}</span>
          </>
        }
        value={draft.comment}
        onChange={draft.setComment}
        counter={t('publicDemands.form.counter', { count: draft.length, max: COMMENT_MAX })}
        over={draft.tooLong}
        rows={3}
        testId="demand-rate-comment"
        classNames={{ label: 'pd-label', input: 'pd-input pd-textarea', counter: 'pd-counter' }}
      />
      {draft.error && (
        <p className="pd-error" role="alert" data-testid="demand-rate-error">
          {draft.error}
        </p>
      )}
      <button type="submit" className="public-button pd-submit" disabled={rate.isPending || draft.tooLong} data-testid="demand-rate-submit">
        {rate.isPending ? t('publicDemands.form.submitting') : t('publicDemands.rate.submit')}
      </button>
    </form>
  );
}
