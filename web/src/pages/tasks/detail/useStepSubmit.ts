import { useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { toastSuccess } from '../../../app/feedback.ts';
import { useFormErrors } from '../../../components/useFormErrors.ts';
import { taskKeys } from '../hooks.ts';

/**
 * What every step dialog does with the server's answer: field errors beside their inputs, the rest
 * above the form; a stale version or a step no longer allowed refetches the task so that the page
 * shows what is true now; success says so and closes.
 */
export function useStepSubmit(form: FormInstance, taskId: string, onDone: () => void) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const errors = useFormErrors(form, { showOther: true });
  const onError = (err: Error) => {
    errors.show(err);
    if (isApiError(err, 'version_conflict') || isApiError(err, 'illegal_transition')) {
      void qc.invalidateQueries({ queryKey: taskKeys.one(taskId) });
      void qc.invalidateQueries({ queryKey: taskKeys.events(taskId) });
    }
  };
  const succeeded = (message: string) => () => {
    toastSuccess(message);
    onDone();
  };
  return { errors, onError, succeeded, t };
}
