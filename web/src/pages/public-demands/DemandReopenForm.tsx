import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CountedTextarea } from '../../components/public/CountedTextarea.tsx';
import { serverAnswer } from './format.ts';
import { useReopenDemand } from './hooks.ts';
import { REASON } from './limits.ts';

/**
 * 申请重新办理: once, if the submitter is not satisfied with the answer — behind a button, so that a
 * satisfied reader is not asked; the reason goes to the office with the item.
 */
export function DemandReopenForm({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const reopen = useReopenDemand(code);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setError(null), [i18n.language]);

  const length = reason.trim().length;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (length < REASON.min) return setError(t('publicDemands.reopen.reasonRequired', { min: REASON.min }));
    if (length > REASON.max) return setError(t('publicDemands.form.tooLong', { max: REASON.max }));
    setError(null);
    reopen.mutate({ reason: reason.trim() }, { onError: (err) => setError(serverAnswer(err).message) });
  };

  if (!open)
    return (
      <section className="public-card pd-reopen" data-testid="demand-reopen">
        <p className="pd-muted">{t('publicDemands.reopen.hint')}</p>
        <button type="button" className="pd-button-secondary" onClick={() => setOpen(true)} data-testid="demand-reopen-open">
          {t('publicDemands.reopen.open')}
        </button>
      </section>
    );
  return (
    <form className="public-card pd-reopen" onSubmit={submit} noValidate data-testid="demand-reopen-form">
      <h2>{t('publicDemands.reopen.title')}</h2>
      <p className="pd-muted">{t('publicDemands.reopen.once')}</p>
      <CountedTextarea
        label={t('publicDemands.reopen.reason')}
        value={reason}
        onChange={setReason}
        counter={t('publicDemands.form.counter', { count: length, max: REASON.max })}
        over={length > REASON.max}
        rows={4}
        testId="demand-reopen-reason"
        classNames={{ label: 'pd-label', input: 'pd-input pd-textarea', counter: 'pd-counter' }}
      />
      {error && (
        <p className="pd-error" role="alert" data-testid="demand-reopen-error">
          {error}
        </p>
      )}
      <button type="submit" className="public-button pd-submit" disabled={reopen.isPending} data-testid="demand-reopen-submit">
        {reopen.isPending ? t('publicDemands.form.submitting') : t('publicDemands.reopen.submit')}
      </button>
    </form>
  );
}
