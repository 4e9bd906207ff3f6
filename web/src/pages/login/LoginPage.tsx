import { useState } from 'react';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LoginBody } from '@qinlian/contracts';
import { isApiError } from '../../api/client.ts';
import { applyFieldErrors } from '../../api/formErrors.ts';
import { useLogin, useSession } from '../../auth/session.ts';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { BrandMark } from '../../layout/BrandMark.tsx';
import { LanguageSwitch } from '../../layout/LanguageSwitch.tsx';

/** Only same-site paths may be a `next` target. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginBody>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = safeNext(params.get('next'));

  if (session.isPending) return <FullPageSpin />;
  if (session.data && !login.isPending) return <Navigate to={session.data.user.mustChangePassword ? '/account/password' : next} replace />;

  const submit = (values: LoginBody) => {
    setError(null);
    login.mutate(
      { username: values.username, password: values.password, totp: needTotp ? values.totp : undefined },
      {
        onSuccess: (res) => navigate(res.user.mustChangePassword ? '/account/password' : next, { replace: true }),
        onError: (err) => {
          if (isApiError(err, 'totp_required')) {
            setNeedTotp(true);
            setError(err.message);
            setTimeout(() => form.getFieldInstance('totp')?.focus?.(), 50);
            return;
          }
          if (isApiError(err, 'bad_totp')) form.setFields([{ name: 'totp', errors: [err.message], value: '' }]);
          else applyFieldErrors(form, err);
          setError(err.message);
        },
      },
    );
  };

  const points = t('login.points', { returnObjects: true }) as string[];

  return (
    <div className="login-wrap">
      <section className="login-brand">
        <div>
          <BrandMark size={56} />
          <h1>{t('brand.name')}</h1>
          <div className="tagline">{t('brand.tagline')}</div>
          <ul className="login-points">
            {points.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
        <div className="login-foot">{t('brand.org')}</div>
      </section>
      <section className="login-panel">
        <div className="login-lang">
          <LanguageSwitch />
        </div>
        <Card className="login-card" variant="borderless" style={{ boxShadow: '0 6px 24px rgba(0,0,0,0.08)' }}>
          <Typography.Text type="secondary">{t('login.welcome')}</Typography.Text>
          <Typography.Title level={3} style={{ marginTop: 4, marginBottom: 24 }}>
            {t('login.title')}
          </Typography.Title>
          {error && (
            <Alert
              type={needTotp && !form.getFieldValue('totp') ? 'info' : 'error'}
              showIcon
              title={error}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          <Form form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false} autoComplete="on">
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, message: t('login.required', { field: t('login.username') }) }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            {needTotp && (
              <Form.Item
                name="totp"
                label={t('login.totp')}
                extra={t('login.totpHint')}
                rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.totpHint') }]}
              >
                <Input
                  prefix={<SafetyOutlined />}
                  inputMode="numeric"
                  maxLength={6}
                  autoComplete="one-time-code"
                  data-testid="login-totp"
                />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit" style={{ marginTop: 8 }}>
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 24, marginBottom: 0, fontSize: 12, textAlign: 'center' }}>
            {t('login.footer')}
          </Typography.Paragraph>
        </Card>
      </section>
    </div>
  );
}
