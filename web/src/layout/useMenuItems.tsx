import { useMemo } from 'react';
import type { MenuProps } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/session.ts';
import { MENU, isGroup, type MenuLeaf } from './menu.tsx';

/** The menu's entries the user may open, as antd items (shared by the side menu and the phone drawer). */
export function useMenuItems(): MenuProps['items'] {
  const { t } = useTranslation();
  const can = useCan();
  return useMemo<MenuProps['items']>(() => {
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
    const visible = (l: MenuLeaf) => !l.permission || [l.permission].flat().some(can);
    return MENU.flatMap((entry): Item[] => {
      if (!isGroup(entry)) return visible(entry) ? [leaf(entry)] : [];
      const children = entry.children.filter(visible).map(leaf);
      return children.length ? [{ key: entry.key, icon: entry.icon, label: t(entry.labelKey), children }] : [];
    });
  }, [can, t]);
}
