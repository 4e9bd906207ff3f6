import { useEffect, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DemandKind, PublicDemandReceipt, PublicDemandSubmitBody } from '@qinlian/contracts';
import { isApiError } from '../../api/client.ts';
import { useSecurityCheck } from '../../api/security-check.ts';
import { serverAnswer } from './format.ts';
import { useSubmitDemand } from './hooks.ts';
import { ADDRESS_MAX, BODY, EMAIL_MAX, EMAIL_PATTERN, NAME_MAX, PHONE_PATTERN, TITLE } from './limits.ts';
import { PublicField } from './PublicField.tsx';

type Values = { category: string; title: string; body: string; name: string; phone: string; email: string; address: string };
type Field = keyof Values;
const EMPTY: Values = { category: '', title: '', body: '', name: '', phone: '', email: '', address: '' };

type Props = {
  kind: DemandKind;
  /** a suggestion made on a campaign's page: its code and its categories to choose from */
  solicitationCode?: string;
  categories?: string[];
  onSubmitted: (receipt: PublicDemandReceipt) => void;
  /** the server says the campaign closed meanwhile (409 solicitation_closed): the page shows its notice */
  onClosed?: () => void;
};

/** What the form itself can tell before sending: empty, too short or long, a phone or e-mail that cannot be one. */
function check(v: Values, t: TFunction): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  const title = v.title.trim();
  const body = v.body.trim();
  if (title.length < TITLE.min) errors.title = t('publicDemands.form.titleRequired', { min: TITLE.min });
  else if (title.length > TITLE.max) errors.title = t('publicDemands.form.tooLong', { max: TITLE.max });
  if (body.length < BODY.min) errors.body = t('publicDemands.form.bodyRequired', { min: BODY.min });
  else if (body.length > BODY.max) errors.body = t('publicDemands.form.tooLong', { max: BODY.max });
  if (v.name.trim().length > NAME_MAX) errors.name = t('publicDemands.form.tooLong', { max: NAME_MAX });
  if (v.phone.trim() && !PHONE_PATTERN.test(v.phone.trim())) errors.phone = t('publicDemands.form.phoneInvalid');
  if (v.email.trim() && (v.email.trim().length > EMAIL_MAX || !EMAIL_PATTERN.test(v.email.trim())))
    errors.email = t('publicDemands.form.emailInvalid');
  if (v.address.trim().length > ADDRESS_MAX) errors.address = t('publicDemands.form.tooLong', { max: ADDRESS_MAX });
  return errors;
}

const optional = (s: string) => s.trim() || undefined;

/**
 * 我要反映 / 我有建议: what it is about, in the submitter's words (with a live count against the
 * limit), and — only if they wish — how to reach them for the answer. No account; the request
 * carries the device id; under a flood it first passes the server's security check, saying so. The
 * server's refusal shows in its own words, beside the field it names.
 */
export function DemandForm({ kind, solicitationCode, categories, onSubmitted, onClosed }: Props) {
  const { t, i18n } = useTranslation();
  const submit = useSubmitDemand();
  // past the server's soft threshold the client solves its challenge before sending again (安全校验)
  const checking = useSecurityCheck() && submit.isPending;
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  // the server's sentences are in the language they were asked in: a new language drops them rather than mix two
  useEffect(() => setProblem(null), [i18n.language]);

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const send = (e: FormEvent) => {
    e.preventDefault();
    const found = check(values, t);
    setErrors(found);
    setProblem(null);
    if (Object.values(found).some(Boolean)) return;
    const body: PublicDemandSubmitBody = {
      kind,
      solicitationCode,
      category: optional(values.category),
      title: values.title.trim(),
      body: values.body.trim(),
      name: optional(values.name),
      phone: optional(values.phone),
      email: optional(values.email),
      address: optional(values.address),
    };
    submit.mutate(body, {
      onSuccess: onSubmitted,
      onError: (err) => {
        if (isApiError(err, 'solicitation_closed')) onClosed?.();
        const answer = serverAnswer(err);
        setErrors(answer.fields);
        setProblem(answer.message);
      },
    });
  };

  const bodyLength = values.body.trim().length;
  // a one-line input, tied to its label, hint and error by PublicField
  const text =
    (field: 'title' | 'name' | 'phone' | 'email' | 'address', type = 'text', extra: object = {}) =>
    ({ id, describedBy, invalid }: { id: string; describedBy: string | undefined; invalid: boolean }) => (
      <input
        id={id}
        type={type}
        className="pd-input"
        value={values[field]}
        onChange={(e) => set(field)(e.target.value)}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        data-testid={`demand-${field}`}
        {...extra}
      />
    );

  return (
    <form className="public-card pd-form" onSubmit={send} noValidate data-testid="demand-form">
      {categories && categories.length > 0 && (
        <fieldset className="pd-choices" data-testid="demand-categories">
          <legend className="pd-label">
            {t('publicDemands.form.category')}
            <span className="pd-optional">{t('publicDemands.form.optional')}</span>
          </legend>
          {categories.map((c) => (
            <label key={c} className={values.category === c ? 'pd-choice chosen' : 'pd-choice'}>
              <input
                type="radio"
                name="category"
                value={c}
                checked={values.category === c}
                onChange={() => set('category')(c)}
                className="visually-hidden"
              />
              {c}
            </label>
          ))}
        </fieldset>
      )}
      <PublicField label={t(`publicDemands.form.title.${kind}`)} error={errors.title} testId="demand-title-field">
        {text('title', 'text', { maxLength: TITLE.max + 20, placeholder: t(`publicDemands.form.titlePlaceholder.${kind}`) })}
      </PublicField>
      <PublicField
        label={t(`publicDemands.form.body.${kind}`)}
        error={errors.body}
        hint={
          <span className={bodyLength > BODY.max ? 'pd-counter over' : 'pd-counter'} data-testid="demand-body-count">
            {t('publicDemands.form.counter', { count: bodyLength, max: BODY.max })}
          </span>
        }
        testId="demand-body-field"
      >
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            className="pd-input pd-textarea"
            rows={6}
            value={values.body}
            onChange={(e) => set('body')(e.target.value)}
            placeholder={t(`publicDemands.form.bodyPlaceholder.${kind}`)}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            data-testid="demand-body"
          />
        )}
      </PublicField>
      <PublicField label={t('publicDemands.form.address')} optional error={errors.address} testId="demand-address-field">
        {text('address', 'text', { placeholder: t(`publicDemands.form.addressPlaceholder.${kind}`), autoComplete: 'street-address' })}
      </PublicField>

      <h3 className="pd-section">{t('publicDemands.form.contactTitle')}</h3>
      <p className="pd-privacy" data-testid="demand-privacy">
        {t('publicDemands.form.privacy')}
      </p>
      <PublicField label={t('publicDemands.form.name')} optional error={errors.name} testId="demand-name-field">
        {text('name', 'text', { autoComplete: 'name' })}
      </PublicField>
      <PublicField
        label={t('publicDemands.form.phone')}
        optional
        hint={t('publicDemands.form.phoneHint')}
        error={errors.phone}
        testId="demand-phone-field"
      >
        {text('phone', 'tel', { inputMode: 'tel', autoComplete: 'tel' })}
      </PublicField>
      <PublicField label={t('publicDemands.form.email')} optional error={errors.email} testId="demand-email-field">
        {text('email', 'email', { inputMode: 'email', autoComplete: 'email' })}
      </PublicField>

      {checking && (
        <p className="pd-muted" role="status" data-testid="demand-checking">
          {t('publicDemands.form.checking')}
        </p>
      )}
      {problem && (
        <p className="pd-error" role="alert" data-testid="demand-error">
          {problem}
        </p>
      )}
      <button type="submit" className="public-button pd-submit" disabled={submit.isPending} data-testid="demand-submit">
        {checking
          ? t('publicDemands.form.checking')
          : submit.isPending
            ? t('publicDemands.form.submitting')
            : t(`publicDemands.form.submit.${kind}`)}
      </button>
    </form>
  );
}
