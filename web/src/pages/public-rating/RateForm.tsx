import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RatingReceipt } from '@qinlian/contracts';
import { isApiError } from '../../api/client.ts';
import { CountedTextarea } from '../../components/public/CountedTextarea.tsx';
import { formatDay } from '../../components/public/format.ts';
import { RatingLevels } from '../../components/public/RatingLevels.tsx';
import { useRatingDraft } from '../../components/public/useRatingDraft.ts';
import { COMMENT_MAX, isBadScore, RATING_SCORES } from './contractMirror.ts';
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
  const draft = useRatingDraft(COMMENT_MAX);
  const [receipt, setReceipt] = useState<RatingReceipt | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const rating = draft.toSend(t('public.rate.pickLevel'));
    if (!rating) return;
    send.mutate(
      { score: rating.level, comment: rating.comment || null },
      { onSuccess: (r) => setReceipt(r), onError: (err) => draft.setError(messageOf(err, t('common.colon'))) },
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
      <RatingLevels
        levels={RATING_SCORES}
        name="score"
        legend={t('public.rate.levelGroup')}
        value={draft.level}
        onChange={draft.choose}
        labelOf={(s) => t(`public.levels.${s}`)}
        testIdOf={(s) => `rate-level-${s}`}
        badNote={draft.level !== null && isBadScore(draft.level) ? t('public.rate.badNote') : null}
        badNoteTestId="rate-bad-note"
      />
      <CountedTextarea
        label={t('public.rate.comment')}
        value={draft.comment}
        onChange={draft.setComment}
        counter={t('public.rate.counter', { count: draft.length, max: COMMENT_MAX })}
        over={draft.tooLong}
        rows={3}
        placeholder={t('public.rate.commentPlaceholder')}
        testId="rate-comment"
        counterTestId="rate-counter"
        classNames={{ label: 'rate-comment-label', input: 'rate-comment', counter: 'rate-counter' }}
      />
      {draft.tooLong && (
        <p className="public-error" role="alert" data-testid="rate-too-long">
          {t('public.rate.tooLong', { max: COMMENT_MAX })}
        </p>
      )}
      {draft.error && (
        <p className="public-error" role="alert" data-testid="rate-error">
          {draft.error}
        </p>
      )}
      <button type="submit" className="public-button rate-submit" disabled={send.isPending || draft.tooLong} data-testid="rate-submit">
        {send.isPending ? t('public.rate.submitting') : t('public.rate.submit')}
      </button>
    </form>
  );
}
