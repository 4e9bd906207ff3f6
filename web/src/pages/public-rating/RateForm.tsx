import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RatingReceipt } from '@qinlian/contracts';
import { isApiError } from '../../api/client.ts';
import { COMMENT_MAX, isBadScore, RATING_SCORES } from './contractMirror.ts';
import { formatDay } from './format.ts';
import { useSendRating } from './hooks.ts';

type Props = {
  /** the public rating route: a badge's or a closed enquiry's */
  action: string;
  /** the query the page asks again once the rating is in */
  refresh: readonly unknown[];
};

/** The server's refusal as one sentence in the language it was asked in: 409 already rated, 429 too often, 400 what was wrong. */
function messageOf(err: unknown, colon: string): string {
  if (!isApiError(err)) return String(err);
  const field = err.fields.find((f) => f.message)?.message;
  return field && field !== err.message ? `${err.message}${colon}${field}` : err.message;
}

/**
 * 评价 (好差评), the same on a badge and on a closed enquiry: five big levels to tap, an optional
 * comment with its counter, send — then a receipt. No account; the request carries the device id.
 */
export function RateForm({ action, refresh }: Props) {
  const { t, i18n } = useTranslation();
  const send = useSendRating(action, refresh);
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<RatingReceipt | null>(null);
  const commentId = useId();
  // the server's sentence is in the language it was asked in: a new language drops it rather than mix two
  useEffect(() => setError(null), [i18n.language]);

  const length = comment.trim().length;
  const tooLong = length > COMMENT_MAX;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (score === null) return setError(t('public.rate.pickLevel'));
    if (tooLong) return;
    setError(null);
    send.mutate(
      { score, comment: comment.trim() || null },
      { onSuccess: (r) => setReceipt(r), onError: (err) => setError(messageOf(err, t('common.colon'))) },
    );
  };

  if (receipt)
    return (
      <section className="public-card rate-thanks" role="status" data-testid="rate-thanks">
        <h2>{t('public.rate.thanks')}</h2>
        <p>
          {t('public.rate.receipt', {
            date: formatDay(receipt.ratedOn, i18n.language),
            level: t(`public.levels.${receipt.score}`),
          })}
        </p>
        <p className="public-muted">{receipt.bad ? t('public.rate.receiptBad') : t('public.rate.receiptGood')}</p>
      </section>
    );

  return (
    <form className="public-card rate-form" onSubmit={submit} noValidate data-testid="rate-form">
      <h2>{t('public.rate.title')}</h2>
      <p className="public-muted">{t('public.rate.hint')}</p>
      <fieldset className="rate-levels">
        <legend className="visually-hidden">{t('public.rate.levelGroup')}</legend>
        {RATING_SCORES.map((s) => (
          <label key={s} className={`rate-level rate-level-${s}${score === s ? ' chosen' : ''}`} data-testid={`rate-level-${s}`}>
            <input
              type="radio"
              name="score"
              value={s}
              checked={score === s}
              onChange={() => {
                setScore(s);
                setError(null);
              }}
              className="visually-hidden"
            />
            <span className="rate-level-mark" aria-hidden="true">
              {s}
            </span>
            <span className="rate-level-label">{t(`public.levels.${s}`)}</span>
          </label>
        ))}
      </fieldset>
      {score !== null && isBadScore(score) && (
        <p className="rate-bad-note" data-testid="rate-bad-note">
          {t('public.rate.badNote')}
        </p>
      )}
      <label htmlFor={commentId} className="rate-comment-label">
        {t('public.rate.comment')}
      </label>
      <textarea
        id={commentId}
        className="rate-comment"
        rows={3}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder={t('public.rate.commentPlaceholder')}
        aria-invalid={tooLong}
        aria-describedby={`${commentId}-count`}
        data-testid="rate-comment"
      />
      <div id={`${commentId}-count`} className={tooLong ? 'rate-counter over' : 'rate-counter'} data-testid="rate-counter">
        {t('public.rate.counter', { count: length, max: COMMENT_MAX })}
      </div>
      {tooLong && (
        <p className="public-error" role="alert" data-testid="rate-too-long">
          {t('public.rate.tooLong', { max: COMMENT_MAX })}
        </p>
      )}
      {error && (
        <p className="public-error" role="alert" data-testid="rate-error">
          {error}
        </p>
      )}
      <button type="submit" className="public-button rate-submit" disabled={send.isPending || tooLong} data-testid="rate-submit">
        {send.isPending ? t('public.rate.submitting') : t('public.rate.submit')}
      </button>
    </form>
  );
}
