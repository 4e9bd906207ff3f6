import type { TFunction, i18n as I18n } from 'i18next';
import { ALL_PERMISSIONS, type Permission } from '@qinlian/contracts';

type GroupKey = 'org' | 'people' | 'tasks' | 'system' | 'other';

/** How the permission checkboxes are grouped on screen (labels come from i18n `role.perms.*`). */
const GROUPS: { key: GroupKey; permissions: string[] }[] = [
  { key: 'org', permissions: ['org.read', 'org.manage'] },
  { key: 'people', permissions: ['people.read', 'people.manage'] },
  { key: 'tasks', permissions: ['tasks.read', 'plan.manage', 'tasks.handle', 'tasks.instruct', 'tasks.backfill'] },
  { key: 'system', permissions: ['roles.manage', 'users.manage', 'audit.read', 'signins.read', 'calendar.manage', 'notifications.manage'] },
];

/** Every permission the contract knows, grouped; new ones land in "other" until they are placed. */
export function permissionGroups(): { key: GroupKey; permissions: Permission[] }[] {
  const known = new Set<string>(ALL_PERMISSIONS);
  const placed = new Set(GROUPS.flatMap((g) => g.permissions));
  const groups = GROUPS.map((g) => ({ key: g.key, permissions: g.permissions.filter((p): p is Permission => known.has(p)) }));
  groups.push({ key: 'other', permissions: ALL_PERMISSIONS.filter((p) => !placed.has(p)) });
  return groups.filter((g) => g.permissions.length > 0);
}

export function permissionLabel(t: TFunction, i18n: I18n, p: string): string {
  return i18n.exists(`role.perms.${p}`) ? t(`role.perms.${p}`) : p;
}
