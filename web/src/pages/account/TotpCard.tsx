import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, QRCode, Space, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../api/formErrors.ts';
import { useCurrentUser } from '../../auth/session.ts';
import { ConfirmPasswordForm } from './ConfirmPasswordForm.tsx';
import { useTotpDisable, useTotpEnable, useTotpSetup } from './hooks.ts';

type Step = 'idle' | 'confirmSetup' | 'confirmDisable';

/**
 * Two-factor sign-in: set up (secret + QR) and confirm with a code, or turn off. Every step needs
 * the current password (the server refuses a session without it); the one typed for set-up is kept
 * in memory only until the code confirms it, so it is asked once.
 */
export function TotpCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const setup = useTotpSetup();
  const enable = useTotpEnable();
  const disable = useTotpDisable();
  const [enableForm] = Form.useForm<{ code: string }>();
  const [step, setStep] = useState<Step>('idle');
  const [password, setPassword] = useState('');
  const pending = setup.data && !user.totpEnabled ? setup.data : null;

  const status = user.totpEnabled ? <Tag color="success">{t('account.totpOn')}</Tag> : <Tag>{t('account.totpOff')}</Tag>;
  const cancelSetup = () => {
    setup.reset();
    setPassword('');
    setStep('idle');
  };

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
      {!user.totpEnabled && !pending && step === 'idle' && (
        <Button type="primary" onClick={() => setStep('confirmSetup')} data-testid="totp-setup">
          {t('account.totpSetup')}
        </Button>
      )}
      {!user.totpEnabled && !pending && step === 'confirmSetup' && (
        <ConfirmPasswordForm
          prompt={t('account.totpSetupPassword')}
          submitLabel={t('account.totpSetup')}
          pending={setup.isPending}
          onConfirm={(pw) => setup.mutateAsync({ password: pw }).then(() => setPassword(pw))}
          onCancel={() => setStep('idle')}
          testId="totp-setup-confirm"
        />
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
                enable.mutate(
                  { code: v.code, password },
                  {
                    onSuccess: () => {
                      message.success(t('account.totpEnabled'));
                      enableForm.resetFields();
                      cancelSetup();
                    },
                    onError: (err) => applyFieldErrors(enableForm, err),
                  },
                )
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
              <Space>
                <Button type="primary" htmlType="submit" loading={enable.isPending} data-testid="totp-enable">
                  {t('account.totpEnable')}
                </Button>
                <Button onClick={cancelSetup}>{t('account.totpCancel')}</Button>
              </Space>
            </Form>
          </div>
        </Flex>
      )}
      {user.totpEnabled && step !== 'confirmDisable' && (
        <Button danger onClick={() => setStep('confirmDisable')} data-testid="totp-disable">
          {t('account.totpDisable')}
        </Button>
      )}
      {user.totpEnabled && step === 'confirmDisable' && (
        <ConfirmPasswordForm
          prompt={t('account.totpDisablePassword')}
          submitLabel={t('account.totpDisable')}
          danger
          pending={disable.isPending}
          onConfirm={(pw) =>
            disable.mutateAsync({ password: pw }).then(() => {
              message.success(t('account.totpDisabled'));
              setStep('idle');
            })
          }
          onCancel={() => setStep('idle')}
          testId="totp-disable"
        />
      )}
    </Card>
  );
}
