import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChangePasswordBody } from '@qinlian/contracts';
import { applyFieldErrors } from '../../api/formErrors.ts';
import { useChangePassword } from './hooks.ts';

type Values = ChangePasswordBody & { confirm: string };

/** Current + new password; the server judges strength and answers in the user's language. */
export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const [extra, setExtra] = useState<string | null>(null);

  const submit = ({ currentPassword, newPassword }: Values) => {
    setExtra(null);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          onDone();
        },
        onError: (err) => {
          // Fields show beside their inputs and the message is toasted; only leftovers need the alert.
          const rest = applyFieldErrors(form, err);
          if (rest.length) setExtra([...new Set(rest.map((f) => f.message))].join(' '));
        },
      },
    );
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} style={{ maxWidth: 420 }}>
      {extra && <Alert type="error" showIcon title={extra} style={{ marginBottom: 16 }} />}
      <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('password.next')} rules={[{ required: true }]}>
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
        {t('password.submit')}
      </Button>
    </Form>
  );
}
