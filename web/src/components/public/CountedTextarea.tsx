import { useId, type ReactNode } from 'react';

type Props = {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** the counter's words, e.g. 12/500 */
  counter: string;
  over: boolean;
  rows: number;
  placeholder?: string;
  testId: string;
  counterTestId?: string;
  /** each page family styles its own fields */
  classNames: { label: string; input: string; counter: string };
};

/** A free-text field with its length counter below, the counter read out with the field and red once past the limit. */
export function CountedTextarea({ label, value, onChange, counter, over, rows, placeholder, testId, counterTestId, classNames }: Props) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className={classNames.label}>
        {label}
      </label>
      <textarea
        id={id}
        className={classNames.input}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        aria-invalid={over}
        aria-describedby={`${id}-count`}
        data-testid={testId}
      />
      <div id={`${id}-count`} className={over ? `${classNames.counter} over` : classNames.counter} data-testid={counterTestId}>
        {counter}
      </div>
    </>
  );
}
