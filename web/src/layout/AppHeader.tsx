import { LockOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Flex, Layout, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { toastSuccess } from '../app/feedback.ts';
import { BRAND_GOLD, BRAND_INK } from '../app/theme.ts';
import { useCurrentUser, useLogout } from '../auth/session.ts';
import { BrandMark } from './BrandMark.tsx';
import { InboxBell } from './InboxBell.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

type Props = {
  /** below `md`: a menu button, the short brand on one line, no name beside the avatar */
  phone: boolean;
  onOpenMenu: () => void;
};

export function AppHeader({ phone, onOpenMenu }: Props) {
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
    <Layout.Header className={`app-header ${phone ? 'app-header-phone' : ''}`}>
      <Flex align="center" gap={phone ? 8 : 12} className="app-header-start">
        {phone && (
          <Button
            type="text"
            className="on-dark app-menu-button"
            icon={<MenuOutlined />}
            onClick={onOpenMenu}
            data-testid="menu-open"
            aria-label={t('header.openMenu')}
          />
        )}
        <BrandMark size={phone ? 28 : 34} />
        <div className="app-brand">
          <div className="app-brand-name" title={t('brand.name')}>
            {phone ? t('brand.short') : t('brand.name')}
          </div>
          {!phone && <div className="app-brand-org">{t('brand.org')}</div>}
        </div>
      </Flex>
      <Flex align="center" gap={phone ? 0 : 4} className="app-header-end">
        <InboxBell />
        <LanguageSwitch tone="dark" compact={phone} />
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
          <Button type="text" className="on-dark" data-testid="user-menu" aria-label={user.name}>
            <Avatar size={26} style={{ background: BRAND_GOLD, color: BRAND_INK, fontWeight: 600 }}>
              {user.name.slice(0, 1)}
            </Avatar>
            <span className={phone ? 'visually-hidden' : 'app-user-name'} data-testid="current-user-name">
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
