import { App, Button, Card, Typography } from 'antd';
import { ArrowLeftOutlined, LogoutOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogout, useRefreshSession, useSession } from '../../auth/session.ts';
import { BrandMark } from '../../layout/BrandMark.tsx';
import { LanguageSwitch } from '../../layout/LanguageSwitch.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

/** Standalone screen: where a first sign-in is sent before anything else, and "change password" from the menu. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data: session } = useSession();
  const refresh = useRefreshSession();
  const logout = useLogout();
  const forced = session?.user.mustChangePassword ?? false;

  const done = async () => {
    const fresh = await refresh().catch(() => null);
    if (fresh) {
      message.success(t('password.done'));
      void navigate('/', { replace: true });
    } else {
      message.success(t('password.signInAgain'));
      void navigate('/login', { replace: true });
    }
  };

  return (
    <div className="login-wrap" style={{ flexDirection: 'column' }}>
      <div className="app-header" style={{ height: 56, padding: '0 20px' }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
          <BrandMark size={34} />
          <div className="app-brand">
            <div className="app-brand-name">{t('brand.name')}</div>
          </div>
        </div>
        <div>
          <LanguageSwitch tone="dark" />
          <Button
            type="text"
            className="on-dark"
            icon={<LogoutOutlined />}
            data-testid="sign-out"
            onClick={() => void logout.mutateAsync().catch(() => undefined)}
          >
            {t('header.signOut')}
          </Button>
        </div>
      </div>
      <div style={{ flex: 1, display: 'flex', alignItems: 'flex-start', justifyContent: 'center', padding: '64px 16px' }}>
        <Card style={{ width: 480, maxWidth: '100%' }}>
          {!forced && (
            <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} style={{ paddingInline: 0 }}>
              {t('common.back')}
            </Button>
          )}
          <Typography.Title level={4} style={{ marginTop: 8 }}>
            {forced ? t('password.forcedTitle') : t('password.title')}
          </Typography.Title>
          {forced && <Typography.Paragraph type="secondary">{t('password.forcedSub')}</Typography.Paragraph>}
          <ChangePasswordForm onDone={() => void done()} />
        </Card>
      </div>
    </div>
  );
}
