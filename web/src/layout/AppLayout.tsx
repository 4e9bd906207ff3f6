import { Suspense, useEffect, useState } from 'react';
import { Drawer, Grid, Layout, Menu } from 'antd';
import { Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { AppHeader } from './AppHeader.tsx';
import { MENU, activeLeaf, isGroup } from './menu.tsx';
import { useMenuItems } from './useMenuItems.tsx';

const COLLAPSE_KEY = 'qinlian.menuCollapsed';
const OPEN_KEYS = MENU.filter(isGroup).map((g) => g.key);

/**
 * Header, left menu by module, and the page. Below antd's `md` (768 px) the menu leaves the page
 * for a drawer opened from the header: a 224 px side menu would leave a phone 160 px of page.
 */
export function AppLayout() {
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  // undefined until antd has measured: render the desktop layout, as before
  const phone = screens.md === false;
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSE_KEY) === '1');
  const [drawerOpen, setDrawerOpen] = useState(false);
  const active = activeLeaf(location.pathname);
  const items = useMenuItems();

  // a tap on a menu entry navigates: the drawer gets out of the way of the page it opened
  useEffect(() => setDrawerOpen(false), [location.pathname]);

  const menu = (inDrawer: boolean) => (
    <Menu
      mode="inline"
      selectedKeys={active ? [active.key] : []}
      defaultOpenKeys={collapsed && !inDrawer ? [] : OPEN_KEYS}
      items={items}
      style={{ borderInlineEnd: 0, paddingTop: 8 }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader phone={phone} onOpenMenu={() => setDrawerOpen(true)} />
      <Layout>
        {phone ? (
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            size={264}
            className="app-menu-drawer"
            styles={{ body: { padding: 0 } }}
            title={null}
            closable={false}
          >
            {menu(true)}
          </Drawer>
        ) : (
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
            {menu(false)}
          </Layout.Sider>
        )}
        <Layout.Content className={`app-content ${phone ? 'app-content-phone' : ''}`}>
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
