import { LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Flex, Layout, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { toastSuccess } from '../app/feedback.ts';
import { useCurrentUser, useLogout } from '../auth/session.ts';
import { BrandMark } from './BrandMark.tsx';
import { InboxBell } from './InboxBell.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function AppHeader() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();

  // The layout unmounts as soon as the session is gone; the guard then sends the user to /login.
  const signOut = () =>
    logout.mutateAsync().then(
      () => toastSuccess(t('header.signedOut')),
      () => undefined,
    );

  return (
    <Layout.Header className="app-header">
      <Flex align="center" gap={12} style={{ minWidth: 0 }}>
        <BrandMark size={34} />
        <div className="app-brand">
          <div className="app-brand-name">{t('brand.name')}</div>
          <div className="app-brand-org">{t('brand.org')}</div>
        </div>
      </Flex>
      <Flex align="center" gap={4}>
        <InboxBell />
        <LanguageSwitch tone="dark" />
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'account', icon: <UserOutlined />, label: t('header.account'), onClick: () => navigate('/account') },
              { key: 'password', icon: <LockOutlined />, label: t('header.changePassword'), onClick: () => navigate('/account/password') },
              { type: 'divider' },
              { key: 'logout', icon: <LogoutOutlined />, label: t('header.signOut'), onClick: signOut },
            ],
          }}
        >
          <Button type="text" className="on-dark" data-testid="user-menu">
            <Avatar size={26} style={{ background: '#ffd666', color: '#8e1414', fontWeight: 600 }}>
              {user.name.slice(0, 1)}
            </Avatar>
            <span className="app-user-name" data-testid="current-user-name">
              {user.name}
            </span>
          </Button>
        </Dropdown>
        <Tooltip title={t('header.signOut')}>
          <Button
            type="text"
            className="on-dark"
            icon={<LogoutOutlined />}
            onClick={signOut}
            loading={logout.isPending}
            data-testid="sign-out"
            aria-label={t('header.signOut')}
          />
        </Tooltip>
      </Flex>
    </Layout.Header>
  );
}
