import { Alert, Button, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../api/formErrors.ts';

type Props = {
  /** why the password is asked for, shown above the field */
  prompt: string;
  submitLabel: string;
  danger?: boolean;
  pending: boolean;
  /** resolves when done; a rejection with field errors marks the password field */
  onConfirm: (password: string) => Promise<unknown>;
  onCancel: () => void;
  testId: string;
};

/** The current password, asked again before a change to the account's own security (TOTP on/off). */
export function ConfirmPasswordForm({ prompt, submitLabel, danger, pending, onConfirm, onCancel, testId }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  return (
    <>
      <Alert type={danger ? 'warning' : 'info'} showIcon title={prompt} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        layout="inline"
        onFinish={(v) =>
          onConfirm(v.password).then(
            () => form.resetFields(),
            (err: unknown) => applyFieldErrors(form, err),
          )
        }
      >
        <Form.Item name="password" rules={[{ required: true, message: prompt }]}>
          <Input.Password
            placeholder={t('password.current')}
            style={{ width: 220 }}
            autoComplete="current-password"
            data-testid={`${testId}-password`}
          />
        </Form.Item>
        <Space>
          <Button danger={danger} type="primary" htmlType="submit" loading={pending} data-testid={`${testId}-submit`}>
            {submitLabel}
          </Button>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </>
  );
}
