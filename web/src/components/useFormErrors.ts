import { useCallback, useState } from 'react';
import type { FormInstance } from 'antd';
import { isApiError, type FieldError } from '../api/client.ts';
import { applyFieldErrors, renameFieldErrors } from '../api/formErrors.ts';

type Options = {
  /** the server's field names as the form calls them (e.g. startDate → dates) */
  rename?: (path: string) => string;
  /** also show an error that names no field (a conflict, a lost connection) above the form; for silent mutations */
  showOther?: boolean;
};

/**
 * The server's answer to a form: field errors beside their inputs, the rest in `errors` for
 * FieldErrorsAlert. `show` is the mutation's onError; `clear` goes with a new submit or a reopened form.
 */
export function useFormErrors(form: FormInstance, { rename, showOther = false }: Options = {}) {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const clear = useCallback(() => setErrors([]), []);
  const show = useCallback(
    (err: Error) => {
      const unmatched = applyFieldErrors(form, rename ? renameFieldErrors(err, rename) : err);
      const named = isApiError(err) && err.fields.length > 0;
      setErrors(named || !showOther ? unmatched : [{ path: '', message: err.message }]);
    },
    [form, rename, showOther],
  );
  return { errors, clear, show };
}
