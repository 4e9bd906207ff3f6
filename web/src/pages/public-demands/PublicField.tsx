import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  label: string;
  /** 选填 after the label */
  optional?: boolean;
  hint?: ReactNode;
  error?: string;
  /** the input, given the ids that tie it to its label, hint and error */
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  testId: string;
};

/** One labelled input of a public form: its hint under it, and its error in words beside it. */
export function PublicField({ label, optional, hint, error, children, testId }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="pd-field" data-testid={testId}>
      <label htmlFor={id} className="pd-label">
        {label}
        {optional && <span className="pd-optional">{t('publicDemands.form.optional')}</span>}
      </label>
      {children({ id, describedBy, invalid: !!error })}
      {hint && (
        <div id={`${id}-hint`} className="pd-hint">
          {hint}
        </div>
      )}
      {error && (
        <div id={`${id}-error`} className="pd-field-error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}
