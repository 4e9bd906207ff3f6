import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditCheckpointQuery } from '@qinlian/contracts';
import type { FieldError } from '../../api/client.ts';
import { splitHead } from './bulletinHead.ts';

type Props = {
  initial: AuditCheckpointQuery | null;
  onCheck: (query: AuditCheckpointQuery) => void;
  /** what the server said of each field, under the field it names */
  fieldErrors: FieldError[];
  busy: boolean;
};

/** One labelled input with the server's word on it below. */
function Field(props: { label: string; hint?: string; value: string; onChange: (v: string) => void; error?: string; testId: string }) {
  const id = useId();
  return (
    <div className="pv-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        className="pv-input"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        placeholder={props.hint}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        maxLength={300}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        data-testid={props.testId}
      />
      {props.error && (
        <p id={`${id}-error`} className="pv-error" data-testid={`${props.testId}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** The bulletin's head, and its signature when the reader has it, as printed. */
export function VerifyForm({ initial, onCheck, fieldErrors, busy }: Props) {
  const { t } = useTranslation();
  const [head, setHead] = useState(initial ? `${initial.seq}:${initial.hash}` : '');
  const [signature, setSignature] = useState(initial?.signature ?? '');
  const [keyId, setKeyId] = useState(initial?.keyId ?? '');
  const [signedAt, setSignedAt] = useState(initial?.signedAt ?? '');
  const errorOf = (...paths: string[]) =>
    fieldErrors
      .filter((f) => paths.includes(f.path))
      .map((f) => f.message)
      .join(' ') || undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onCheck({ ...splitHead(head), signature, keyId, signedAt });
  };
  return (
    <form className="public-card pv-form" onSubmit={submit} data-testid="verify-form">
      <h2>{t('public.verify.title')}</h2>
      <p className="pv-muted">{t('public.verify.intro')}</p>
      <Field
        label={t('public.verify.head')}
        hint={t('public.verify.headHint')}
        value={head}
        onChange={setHead}
        error={errorOf('seq', 'hash')}
        testId="verify-head"
      />
      <details className="pv-signature" open={Boolean(initial?.signature)}>
        <summary>{t('public.verify.signatureTitle')}</summary>
        <Field
          label={t('public.verify.signature')}
          value={signature}
          onChange={setSignature}
          error={errorOf('signature')}
          testId="verify-signature"
        />
        <Field label={t('public.verify.keyId')} value={keyId} onChange={setKeyId} error={errorOf('keyId')} testId="verify-key" />
        <Field
          label={t('public.verify.signedAt')}
          hint={t('public.verify.signedAtHint')}
          value={signedAt}
          onChange={setSignedAt}
          error={errorOf('signedAt')}
          testId="verify-signed-at"
        />
      </details>
      <button type="submit" className="public-button pv-submit" disabled={busy} data-testid="verify-submit">
        {busy ? t('public.verify.checking') : t('public.verify.submit')}
      </button>
    </form>
  );
}
