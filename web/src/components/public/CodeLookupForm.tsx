import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';

type Props = {
  /** where a code opens, e.g. `/p/d/<code>`; the code comes URL-encoded */
  pathOf: (code: string) => string;
  initial?: string;
  title: string;
  hint: string;
  codeLabel: string;
  submitLabel: string;
  /** data-testid of the form; its code field and button are `<testId>-code` and `<testId>-submit` */
  testId: string;
  /** each page family styles its own form */
  classNames: { form: string; hint: string; row: string; input: string };
  /** what follows the row, as a link to submit something new instead */
  children?: ReactNode;
};

/** 查询码: typed in (spaces dropped; the server ignores case and hyphens) and opened at its own address. */
export function CodeLookupForm({ pathOf, initial = '', title, hint, codeLabel, submitLabel, testId, classNames, children }: Props) {
  const navigate = useNavigate();
  const id = useId();
  const [code, setCode] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = code.replace(/\s+/g, '');
    if (clean) void navigate(pathOf(encodeURIComponent(clean)));
  };
  return (
    <form className={classNames.form} onSubmit={submit} data-testid={testId}>
      <h2>{title}</h2>
      <p className={classNames.hint}>{hint}</p>
      <div className={classNames.row}>
        <label className="visually-hidden" htmlFor={id}>
          {codeLabel}
        </label>
        <input
          id={id}
          className={classNames.input}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder={codeLabel}
          autoCapitalize="characters"
          autoComplete="off"
          maxLength={64}
          data-testid={`${testId}-code`}
        />
        <button type="submit" className="public-button" data-testid={`${testId}-submit`}>
          {submitLabel}
        </button>
      </div>
      {children}
    </form>
  );
}
