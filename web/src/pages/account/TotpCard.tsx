import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, QRCode, Space, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../api/formErrors.ts';
import { useCurrentUser } from '../../auth/session.ts';
import { useTotpDisable, useTotpEnable, useTotpSetup } from './hooks.ts';

/** Two-factor sign-in: set up (secret + QR), confirm with a code, or turn off with the password. */
export function TotpCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const setup = useTotpSetup();
  const enable = useTotpEnable();
  const disable = useTotpDisable();
  const [enableForm] = Form.useForm<{ code: string }>();
  const [disableForm] = Form.useForm<{ password: string }>();
  const [showDisable, setShowDisable] = useState(false);
  const pending = setup.data && !user.totpEnabled ? setup.data : null;

  const status = user.totpEnabled ? <Tag color="success">{t('account.totpOn')}</Tag> : <Tag>{t('account.totpOff')}</Tag>;

  return (
    <Card
      title={
        <Space>
          <SafetyCertificateOutlined />
          {t('account.totp')}
          {status}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('account.totpIntro')}</Typography.Paragraph>
      {!user.totpEnabled && !pending && (
        <Button type="primary" onClick={() => setup.mutate()} loading={setup.isPending} data-testid="totp-setup">
          {t('account.totpSetup')}
        </Button>
      )}
      {pending && (
        <Flex gap={24} wrap align="flex-start">
          <QRCode value={pending.otpauthUrl} size={168} bordered />
          <div style={{ flex: 1, minWidth: 260 }}>
            <Typography.Paragraph>{t('account.totpScan')}</Typography.Paragraph>
            <Typography.Paragraph>
              {t('account.secret')}
              {t('common.colon')}
              <Typography.Text code copyable data-testid="totp-secret">
                {pending.secret}
              </Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true }} copyable style={{ fontSize: 12 }}>
              {pending.otpauthUrl}
            </Typography.Paragraph>
            <Form
              form={enableForm}
              layout="inline"
              onFinish={(v) =>
                enable.mutate(v, {
                  onSuccess: () => {
                    message.success(t('account.totpEnabled'));
                    enableForm.resetFields();
                    setup.reset();
                  },
                  onError: (err) => applyFieldErrors(enableForm, err),
                })
              }
            >
              <Form.Item name="code" rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.totpHint') }]}>
                <Input
                  placeholder={t('account.totpCode')}
                  maxLength={6}
                  inputMode="numeric"
                  style={{ width: 220 }}
                  data-testid="totp-code"
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={enable.isPending} data-testid="totp-enable">
                {t('account.totpEnable')}
              </Button>
            </Form>
          </div>
        </Flex>
      )}
      {user.totpEnabled && !showDisable && (
        <Button danger onClick={() => setShowDisable(true)} data-testid="totp-disable">
          {t('account.totpDisable')}
        </Button>
      )}
      {user.totpEnabled && showDisable && (
        <>
          <Alert type="warning" showIcon title={t('account.totpDisablePassword')} style={{ marginBottom: 12 }} />
          <Form
            form={disableForm}
            layout="inline"
            onFinish={(v) =>
              disable.mutate(v, {
                onSuccess: () => {
                  message.success(t('account.totpDisabled'));
                  disableForm.resetFields();
                  setShowDisable(false);
                },
                onError: (err) => applyFieldErrors(disableForm, err),
              })
            }
          >
            <Form.Item name="password" rules={[{ required: true, message: t('account.totpDisablePassword') }]}>
              <Input.Password
                placeholder={t('password.current')}
                style={{ width: 220 }}
                autoComplete="current-password"
                data-testid="totp-disable-password"
              />
            </Form.Item>
            <Space>
              <Button danger type="primary" htmlType="submit" loading={disable.isPending} data-testid="totp-disable-submit">
                {t('account.totpDisable')}
              </Button>
              <Button onClick={() => setShowDisable(false)}>{t('common.cancel')}</Button>
            </Space>
          </Form>
        </>
      )}
    </Card>
  );
}
