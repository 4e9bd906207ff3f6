import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  BookOutlined,
  BulbOutlined,
  CalendarOutlined,
  CommentOutlined,
  ContactsOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  EditOutlined,
  FileTextOutlined,
  FlagOutlined,
  FieldTimeOutlined,
  FundProjectionScreenOutlined,
  HourglassOutlined,
  IdcardOutlined,
  ImportOutlined,
  KeyOutlined,
  LikeOutlined,
  LoginOutlined,
  MessageOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  PieChartOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SendOutlined,
  SettingOutlined,
  SolutionOutlined,
  StarOutlined,
  TeamOutlined,
  ToolOutlined,
  UserOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { Permission } from '@qinlian/contracts';

export type MenuLeaf = {
  key: string;
  path: string;
  labelKey: string;
  icon: ReactNode;
  /** shown to holders of this permission (of any one of them, given several) */
  permission?: Permission | Permission[];
  testId: string;
};
export type MenuGroup = { key: string; labelKey: string; icon: ReactNode; children: MenuLeaf[] };
export type MenuEntry = MenuLeaf | MenuGroup;

/** The left menu by module. An entry shows only when the user holds its permission. */
export const MENU: MenuEntry[] = [
  { key: 'home', path: '/', labelKey: 'menu.home', icon: <DashboardOutlined />, testId: 'menu-home' },
  {
    key: 'supervision',
    labelKey: 'menu.supervision',
    icon: <FlagOutlined />,
    children: [
      { key: 'plan', path: '/plan', labelKey: 'menu.plan', icon: <PieChartOutlined />, permission: 'tasks.read', testId: 'menu-plan' },
      {
        key: 'plan-edit',
        path: '/plan/edit',
        labelKey: 'planning.menu.edit',
        icon: <EditOutlined />,
        permission: 'plan.manage',
        testId: 'menu-plan-edit',
      },
      {
        key: 'plan-import',
        path: '/plan/import',
        labelKey: 'planning.menu.import',
        icon: <ImportOutlined />,
        permission: 'plan.manage',
        testId: 'menu-plan-import',
      },
      {
        key: 'tasks',
        path: '/tasks',
        labelKey: 'menu.tasks',
        icon: <OrderedListOutlined />,
        permission: 'tasks.read',
        testId: 'menu-tasks',
      },
      {
        key: 'board',
        path: '/board',
        labelKey: 'menu.board',
        icon: <FundProjectionScreenOutlined />,
        permission: 'tasks.read',
        testId: 'menu-board',
      },
      {
        key: 'instructions',
        path: '/instructions',
        labelKey: 'instruction.menu',
        icon: <FileTextOutlined />,
        permission: 'tasks.read',
        testId: 'menu-instructions',
      },
      {
        key: 'dispatch',
        path: '/dispatch',
        labelKey: 'dispatch.menu',
        icon: <ScheduleOutlined />,
        permission: 'dispatch.read',
        testId: 'menu-dispatch',
      },
      {
        key: 'bulletins',
        path: '/bulletins',
        labelKey: 'bulletins.menu',
        icon: <ProfileOutlined />,
        permission: 'bulletins.read',
        testId: 'menu-bulletins',
      },
      {
        key: 'summaries-monthly',
        path: '/summaries/monthly',
        labelKey: 'summaries.menu.monthly',
        icon: <CalendarOutlined />,
        permission: 'summaries.read',
        testId: 'menu-summaries-monthly',
      },
      {
        key: 'summaries-experiences',
        path: '/summaries/experiences',
        labelKey: 'summaries.menu.experiences',
        icon: <BulbOutlined />,
        permission: 'summaries.read',
        testId: 'menu-summaries-experiences',
      },
      {
        key: 'summaries-documents',
        path: '/summaries/documents',
        labelKey: 'summaries.menu.documents',
        icon: <BookOutlined />,
        permission: 'summaries.read',
        testId: 'menu-summaries-documents',
      },
      {
        key: 'rectifications',
        path: '/rectifications',
        labelKey: 'rectification.menu',
        icon: <ToolOutlined />,
        permission: 'rectification.read',
        testId: 'menu-rectifications',
      },
      {
        key: 'time-limit-stats',
        path: '/time-limits/stats',
        labelKey: 'timeLimits.menu.stats',
        icon: <FieldTimeOutlined />,
        permission: 'time_limits.stats',
        testId: 'menu-time-limit-stats',
      },
      {
        key: 'time-limits',
        path: '/time-limits',
        labelKey: 'timeLimits.menu.rules',
        icon: <HourglassOutlined />,
        testId: 'menu-time-limits',
      },
      {
        key: 'enquiries',
        path: '/enquiries',
        labelKey: 'enquiries.menu',
        icon: <CustomerServiceOutlined />,
        permission: ['enquiries.handle', 'enquiries.read'],
        testId: 'menu-enquiries',
      },
      { key: 'inbox', path: '/inbox', labelKey: 'menu.inbox', icon: <BellOutlined />, testId: 'menu-inbox' },
    ],
  },
  {
    key: 'service',
    labelKey: 'badges.menu.group',
    icon: <StarOutlined />,
    children: [
      {
        key: 'badge-wall',
        path: '/badges',
        labelKey: 'badges.menu.wall',
        icon: <IdcardOutlined />,
        permission: 'people.read',
        testId: 'menu-badge-wall',
      },
      {
        key: 'my-badge',
        path: '/badges/mine',
        labelKey: 'badges.menu.mine',
        icon: <ContactsOutlined />,
        permission: 'people.read',
        testId: 'menu-my-badge',
      },
      {
        key: 'ratings',
        path: '/ratings',
        labelKey: 'ratings.menu.list',
        icon: <LikeOutlined />,
        permission: 'ratings.read',
        testId: 'menu-ratings',
      },
      {
        key: 'rating-stats',
        path: '/ratings/stats',
        labelKey: 'ratings.menu.stats',
        icon: <BarChartOutlined />,
        permission: 'ratings.read',
        testId: 'menu-rating-stats',
      },
    ],
  },
  {
    key: 'public-loop',
    labelKey: 'demands.menu.group',
    icon: <CommentOutlined />,
    children: [
      {
        key: 'demands',
        path: '/demands',
        labelKey: 'demands.menu.list',
        icon: <MessageOutlined />,
        permission: 'demands.read',
        testId: 'menu-demands',
      },
      {
        key: 'solicitations',
        path: '/solicitations',
        labelKey: 'demands.menu.solicitations',
        icon: <BulbOutlined />,
        permission: 'demands.manage',
        testId: 'menu-solicitations',
      },
      {
        // 汇总分析与论证: the leadership group's and the office's (the page itself asks only demands.read and scope all)
        key: 'demand-analysis',
        path: '/demands/analysis',
        labelKey: 'demandAnalysis.menu',
        icon: <PieChartOutlined />,
        permission: 'demands.evaluate',
        testId: 'menu-demand-analysis',
      },
    ],
  },
  {
    key: 'org',
    labelKey: 'menu.org',
    icon: <ApartmentOutlined />,
    children: [
      {
        key: 'departments',
        path: '/org/departments',
        labelKey: 'menu.departments',
        icon: <ApartmentOutlined />,
        permission: 'org.read',
        testId: 'menu-departments',
      },
      {
        key: 'people',
        path: '/org/people',
        labelKey: 'menu.people',
        icon: <TeamOutlined />,
        permission: 'people.read',
        testId: 'menu-people',
      },
      {
        key: 'posts',
        path: '/org/posts',
        labelKey: 'menu.posts',
        icon: <SolutionOutlined />,
        permission: 'org.read',
        testId: 'menu-posts',
      },
      {
        key: 'whereabouts',
        path: '/whereabouts',
        labelKey: 'whereabouts.menu',
        icon: <EnvironmentOutlined />,
        permission: 'whereabouts.read',
        testId: 'menu-whereabouts',
      },
    ],
  },
  {
    key: 'system',
    labelKey: 'menu.system',
    icon: <SettingOutlined />,
    children: [
      {
        key: 'roles',
        path: '/system/roles',
        labelKey: 'menu.roles',
        icon: <SafetyCertificateOutlined />,
        permission: 'roles.manage',
        testId: 'menu-roles',
      },
      {
        key: 'accounts',
        path: '/system/accounts',
        labelKey: 'adminMenu.accounts',
        icon: <UserSwitchOutlined />,
        permission: 'users.manage',
        testId: 'menu-accounts',
      },
      {
        key: 'tokens',
        path: '/system/tokens',
        labelKey: 'menu.tokens',
        icon: <KeyOutlined />,
        permission: 'users.manage',
        testId: 'menu-tokens',
      },
      {
        key: 'sign-ins',
        path: '/system/sign-ins',
        labelKey: 'menu.signIns',
        icon: <LoginOutlined />,
        permission: 'signins.read',
        testId: 'menu-sign-ins',
      },
      {
        key: 'calendar',
        path: '/system/calendar',
        labelKey: 'adminMenu.calendar',
        icon: <CalendarOutlined />,
        permission: 'calendar.manage',
        testId: 'menu-calendar',
      },
      {
        key: 'channels',
        path: '/system/notification-channels',
        labelKey: 'adminMenu.channels',
        icon: <NotificationOutlined />,
        permission: 'notifications.manage',
        testId: 'menu-channels',
      },
      {
        key: 'deliveries',
        path: '/system/deliveries',
        labelKey: 'adminMenu.deliveries',
        icon: <SendOutlined />,
        permission: 'notifications.manage',
        testId: 'menu-deliveries',
      },
      {
        key: 'audit',
        path: '/system/audit',
        labelKey: 'menu.audit',
        icon: <AuditOutlined />,
        permission: 'audit.read',
        testId: 'menu-audit',
      },
    ],
  },
  { key: 'account', path: '/account', labelKey: 'menu.account', icon: <UserOutlined />, testId: 'menu-account' },
];

export const ACCOUNT_ICON = <IdcardOutlined />;

export function isGroup(entry: MenuEntry): entry is MenuGroup {
  return 'children' in entry;
}

/** The leaf whose path best matches the location (longest prefix). */
export function activeLeaf(pathname: string): MenuLeaf | undefined {
  const leaves = MENU.flatMap((e) => (isGroup(e) ? e.children : [e]));
  return leaves
    .filter((l) => (l.path === '/' ? pathname === '/' : pathname === l.path || pathname.startsWith(`${l.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
