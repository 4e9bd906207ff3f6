import { Suspense, useMemo, useState } from 'react';
import { Layout, Menu, type MenuProps } from 'antd';
import { Link, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/session.ts';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { AppHeader } from './AppHeader.tsx';
import { MENU, activeLeaf, isGroup, type MenuLeaf } from './menu.tsx';

const COLLAPSE_KEY = 'qinlian.menuCollapsed';

/** Header, left menu by module, and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const can = useCan();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSE_KEY) === '1');
  const active = activeLeaf(location.pathname);

  const items = useMemo<MenuProps['items']>(() => {
    type Item = NonNullable<MenuProps['items']>[number];
    const leaf = (l: MenuLeaf): Item => ({
      key: l.key,
      icon: l.icon,
      label: (
        <Link to={l.path} data-testid={l.testId}>
          {t(l.labelKey)}
        </Link>
      ),
    });
    const visible = (l: MenuLeaf) => !l.permission || can(l.permission);
    return MENU.flatMap((entry): Item[] => {
      if (!isGroup(entry)) return visible(entry) ? [leaf(entry)] : [];
      const children = entry.children.filter(visible).map(leaf);
      return children.length ? [{ key: entry.key, icon: entry.icon, label: t(entry.labelKey), children }] : [];
    });
  }, [can, t]);

  const openKeys = MENU.filter(isGroup).map((g) => g.key);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader />
      <Layout>
        <Layout.Sider
          width={224}
          theme="light"
          collapsible
          collapsed={collapsed}
          onCollapse={(c) => {
            setCollapsed(c);
            localStorage.setItem(COLLAPSE_KEY, c ? '1' : '0');
          }}
          className="app-sider"
        >
          <Menu
            mode="inline"
            selectedKeys={active ? [active.key] : []}
            defaultOpenKeys={collapsed ? [] : openKeys}
            items={items}
            style={{ borderInlineEnd: 0, paddingTop: 8 }}
          />
        </Layout.Sider>
        <Layout.Content className="app-content">
          <ErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
