import { useCallback, useEffect } from 'react';
import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../../components/useFormErrors.ts';

/**
 * The form of a programme's or a measure's drawer: emptied and filled with `initial` each time the
 * drawer opens (or what it edits changes — memoise `initial` on that), the server's errors beside
 * their inputs; `done` says it is saved and closes.
 */
export function useEntryForm<Values>(open: boolean, initial: Partial<Values>, onClose: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const serverErrors = useFormErrors(form, { showOther: true });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    serverErrors.clear();
    form.setFieldsValue(initial as Parameters<typeof form.setFieldsValue>[0]);
  }, [open, initial, form, serverErrors.clear]);

  const done = useCallback(() => {
    void message.success(t('common.saved'));
    onClose();
  }, [message, t, onClose]);

  return { form, serverErrors, done };
}
