import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { serverAnswer } from './format.ts';
import { useRateDemand } from './hooks.ts';
import { BAD_RATING_MAX, COMMENT_MAX, RATINGS } from './limits.ts';
import './demand-rating.css';

/**
 * 满意度评价 of the answer, once it came: five big levels to tap (非常不满意 … 非常满意), an optional
 * comment with its counter. The page then shows the item as the server answers it (rated, no form).
 */
export function DemandRatingForm({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const rate = useRateDemand(code);
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const commentId = useId();
  useEffect(() => setError(null), [i18n.language]);

  const length = comment.trim().length;
  const tooLong = length > COMMENT_MAX;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (rating === null) return setError(t('publicDemands.rate.pickLevel'));
    if (tooLong) return;
    setError(null);
    rate.mutate({ rating, comment: comment.trim() || undefined }, { onError: (err) => setError(serverAnswer(err).message) });
  };

  return (
    <form className="public-card pd-rate" onSubmit={submit} noValidate data-testid="demand-rate-form">
      <h2>{t('publicDemands.rate.title')}</h2>
      <p className="pd-muted">{t('publicDemands.rate.hint')}</p>
      <fieldset className="pd-levels">
        <legend className="visually-hidden">{t('publicDemands.rate.title')}</legend>
        {RATINGS.map((r) => (
          <label key={r} className={`pd-level pd-level-${r}${rating === r ? ' chosen' : ''}`} data-testid={`demand-rate-${r}`}>
            <input
              type="radio"
              name="rating"
              value={r}
              checked={rating === r}
              onChange={() => {
                setRating(r);
                setError(null);
              }}
              className="visually-hidden"
            />
            <span className="pd-level-mark" aria-hidden="true">
              {r}
            </span>
            <span>{t(`publicDemands.levels.${r}`)}</span>
          </label>
        ))}
      </fieldset>
      {rating !== null && rating <= BAD_RATING_MAX && <p className="pd-bad-note">{t('publicDemands.rate.badNote')}</p>}
      <label htmlFor={commentId} className="pd-label">
        {t('publicDemands.rate.comment')}
        <span className="pd-optional">{t('publicDemands.form.optional')}</span>
      </label>
      <textarea
        id={commentId}
        className="pd-input pd-textarea"
        rows={3}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        aria-invalid={tooLong}
        aria-describedby={`${commentId}-count`}
        data-testid="demand-rate-comment"
      />
      <div id={`${commentId}-count`} className={tooLong ? 'pd-counter over' : 'pd-counter'}>
        {t('publicDemands.form.counter', { count: length, max: COMMENT_MAX })}
      </div>
      {error && (
        <p className="pd-error" role="alert" data-testid="demand-rate-error">
          {error}
        </p>
      )}
      <button type="submit" className="public-button pd-submit" disabled={rate.isPending || tooLong} data-testid="demand-rate-submit">
        {rate.isPending ? t('publicDemands.form.submitting') : t('publicDemands.rate.submit')}
      </button>
    </form>
  );
}
