import { lazy, type ComponentType, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import type { Permission } from '@qinlian/contracts';
import { RequirePermission, RequireSession } from '../auth/guards.tsx';
import { NotFound } from '../components/NoPermission.tsx';
import { AppLayout } from '../layout/AppLayout.tsx';
// the console's front door comes with the shell: the first page of anyone not signed in, with no second wait
import { LoginPage } from '../pages/login/LoginPage.tsx';

/**
 * Each page is its own chunk, loaded when first visited. A new page is one line,
 * `const XPage = page(() => import('../pages/x/XPage.tsx'), 'XPage');` — never a static import, which
 * would put the page and its antd components into what the sign-in page downloads (web/vite.config.ts,
 * antd-shell; e2e/first-load.e2e.test.ts holds it under 400 KB).
 */
const loaders: Array<() => Promise<unknown>> = [];
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => {
  loaders.push(load);
  return lazy(async () => {
    const chunk = await load();
    preloadOtherPagesWhenIdle();
    return { default: chunk[name] };
  });
};

/**
 * Once the first page's code has arrived, fetches the other pages' code while the user reads it, so
 * menu clicks open at once (the browser caches it; errors are left to each page's own load). Not
 * sooner: on a phone's slow link it would share the line with the page being opened.
 */
let preloading = false;
function preloadOtherPagesWhenIdle() {
  if (preloading) return;
  preloading = true;
  const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 1500));
  idle(() => {
    for (const load of loaders) load().catch(() => undefined);
  });
}

const ChangePasswordPage = page(() => import('../pages/account/ChangePasswordPage.tsx'), 'ChangePasswordPage');
const DashboardPage = page(() => import('../pages/dashboard/DashboardPage.tsx'), 'DashboardPage');
const DepartmentsPage = page(() => import('../pages/org/departments/DepartmentsPage.tsx'), 'DepartmentsPage');
const PeoplePage = page(() => import('../pages/org/people/PeoplePage.tsx'), 'PeoplePage');
const PostsPage = page(() => import('../pages/org/posts/PostsPage.tsx'), 'PostsPage');
const RolesPage = page(() => import('../pages/system/roles/RolesPage.tsx'), 'RolesPage');
const TokensPage = page(() => import('../pages/system/tokens/TokensPage.tsx'), 'TokensPage');
const SignInsPage = page(() => import('../pages/system/signins/SignInsPage.tsx'), 'SignInsPage');
const AuditPage = page(() => import('../pages/system/audit/AuditPage.tsx'), 'AuditPage');
const AccountPage = page(() => import('../pages/account/AccountPage.tsx'), 'AccountPage');
const PlanPage = page(() => import('../pages/plan/PlanPage.tsx'), 'PlanPage');
const TaskListPage = page(() => import('../pages/tasks/list/TaskListPage.tsx'), 'TaskListPage');
const TaskPage = page(() => import('../pages/tasks/detail/TaskPage.tsx'), 'TaskPage');
const BoardPage = page(() => import('../pages/board/BoardPage.tsx'), 'BoardPage');
const InboxPage = page(() => import('../pages/inbox/InboxPage.tsx'), 'InboxPage');
const InstructionsPage = page(() => import('../pages/instructions/InstructionsPage.tsx'), 'InstructionsPage');
const RectificationsPage = page(() => import('../pages/rectification/RectificationsPage.tsx'), 'RectificationsPage');
const RectificationPage = page(() => import('../pages/rectification/RectificationPage.tsx'), 'RectificationPage');
const PlanEditorPage = page(() => import('../pages/plan/edit/PlanEditorPage.tsx'), 'PlanEditorPage');
const PlanImportPage = page(() => import('../pages/plan/import/PlanImportPage.tsx'), 'PlanImportPage');
const CalendarPage = page(() => import('../pages/calendar/CalendarPage.tsx'), 'CalendarPage');
const ChannelsPage = page(() => import('../pages/notifications/ChannelsPage.tsx'), 'ChannelsPage');
const DeliveriesPage = page(() => import('../pages/notifications/DeliveriesPage.tsx'), 'DeliveriesPage');
const AccountsPage = page(() => import('../pages/system/accounts/AccountsPage.tsx'), 'AccountsPage');
const TimeLimitRulesPage = page(() => import('../pages/time-limits/TimeLimitRulesPage.tsx'), 'TimeLimitRulesPage');
const OnTimeStatsPage = page(() => import('../pages/time-limits/OnTimeStatsPage.tsx'), 'OnTimeStatsPage');
const EnquiriesPage = page(() => import('../pages/enquiries/EnquiriesPage.tsx'), 'EnquiriesPage');
const BadgeWallPage = page(() => import('../pages/badges/BadgeWallPage.tsx'), 'BadgeWallPage');
const MyBadgePage = page(() => import('../pages/badges/MyBadgePage.tsx'), 'MyBadgePage');
const RatingsPage = page(() => import('../pages/ratings/RatingsPage.tsx'), 'RatingsPage');
const RatingStatsPage = page(() => import('../pages/ratings/RatingStatsPage.tsx'), 'RatingStatsPage');
const WhereaboutsPage = page(() => import('../pages/whereabouts/WhereaboutsPage.tsx'), 'WhereaboutsPage');
const DemandsPage = page(() => import('../pages/demands/DemandsPage.tsx'), 'DemandsPage');
const DemandPage = page(() => import('../pages/demands/DemandPage.tsx'), 'DemandPage');
const DemandIntakePage = page(() => import('../pages/demands/DemandIntakePage.tsx'), 'DemandIntakePage');
const SolicitationsPage = page(() => import('../pages/solicitations/SolicitationsPage.tsx'), 'SolicitationsPage');
const DemandAnalysisPage = page(() => import('../pages/demand-analysis/DemandAnalysisPage.tsx'), 'DemandAnalysisPage');
const DispatchSheetsPage = page(() => import('../pages/dispatch/DispatchSheetsPage.tsx'), 'DispatchSheetsPage');
const DispatchSheetPage = page(() => import('../pages/dispatch/DispatchSheetPage.tsx'), 'DispatchSheetPage');
const BulletinsPage = page(() => import('../pages/bulletins/BulletinsPage.tsx'), 'BulletinsPage');
const BulletinPage = page(() => import('../pages/bulletins/BulletinPage.tsx'), 'BulletinPage');
const MonthlySummariesPage = page(() => import('../pages/summaries/MonthlySummariesPage.tsx'), 'MonthlySummariesPage');
const MonthlySummaryFormPage = page(() => import('../pages/summaries/MonthlySummaryFormPage.tsx'), 'MonthlySummaryFormPage');
const ExperiencesPage = page(() => import('../pages/summaries/ExperiencesPage.tsx'), 'ExperiencesPage');
const SummaryDocumentsPage = page(() => import('../pages/summaries/SummaryDocumentsPage.tsx'), 'SummaryDocumentsPage');
const SummaryDocumentPage = page(() => import('../pages/summaries/SummaryDocumentPage.tsx'), 'SummaryDocumentPage');

const guarded = (permission: Permission | undefined, node: ReactNode) => (
  <RequirePermission permission={permission}>{node}</RequirePermission>
);

/** The console's pages: sign-in, then everything behind the session guard with the left menu. */
export function ConsoleRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/account/password"
        element={
          <RequireSession allowPasswordChange>
            <ChangePasswordPage />
          </RequireSession>
        }
      />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<DashboardPage />} />
        <Route path="plan" element={guarded('tasks.read', <PlanPage />)} />
        <Route path="plan/edit" element={guarded('plan.manage', <PlanEditorPage />)} />
        <Route path="plan/import" element={guarded('plan.manage', <PlanImportPage />)} />
        <Route path="tasks" element={guarded('tasks.read', <TaskListPage />)} />
        <Route path="tasks/:id" element={guarded('tasks.read', <TaskPage />)} />
        <Route path="board" element={guarded('tasks.read', <BoardPage />)} />
        <Route path="instructions" element={guarded('tasks.read', <InstructionsPage />)} />
        <Route path="dispatch" element={guarded('dispatch.read', <DispatchSheetsPage />)} />
        <Route path="dispatch/:id" element={guarded('dispatch.read', <DispatchSheetPage />)} />
        <Route path="bulletins" element={guarded('bulletins.read', <BulletinsPage />)} />
        <Route path="bulletins/:id" element={guarded('bulletins.read', <BulletinPage />)} />
        <Route path="summaries/monthly" element={guarded('summaries.read', <MonthlySummariesPage />)} />
        <Route path="summaries/monthly/form" element={guarded('summaries.read', <MonthlySummaryFormPage />)} />
        <Route path="summaries/experiences" element={guarded('summaries.read', <ExperiencesPage />)} />
        <Route path="summaries/documents" element={guarded('summaries.read', <SummaryDocumentsPage />)} />
        <Route path="summaries/documents/:id" element={guarded('summaries.read', <SummaryDocumentPage />)} />
        <Route path="rectifications" element={guarded('rectification.read', <RectificationsPage />)} />
        <Route path="rectifications/:id" element={guarded('rectification.read', <RectificationPage />)} />
        <Route path="time-limits" element={<TimeLimitRulesPage />} />
        <Route path="time-limits/stats" element={guarded('time_limits.stats', <OnTimeStatsPage />)} />
        {/* enquiries.handle or enquiries.read: the page checks either */}
        <Route path="enquiries" element={<EnquiriesPage />} />
        <Route path="badges" element={guarded('people.read', <BadgeWallPage />)} />
        <Route path="badges/mine" element={guarded('people.read', <MyBadgePage />)} />
        <Route path="ratings" element={guarded('ratings.read', <RatingsPage />)} />
        <Route path="ratings/stats" element={guarded('ratings.read', <RatingStatsPage />)} />
        <Route path="whereabouts" element={guarded('whereabouts.read', <WhereaboutsPage />)} />
        <Route path="demands" element={guarded('demands.read', <DemandsPage />)} />
        {/* 登记来电来信: the office's clerks (demands.dispatch) */}
        <Route path="demands/new" element={guarded('demands.dispatch', <DemandIntakePage />)} />
        {/* 汇总分析与论证: the server shows it to whoever sees the whole picture (scope all, the office, the leadership group) */}
        <Route path="demands/analysis" element={guarded('demands.read', <DemandAnalysisPage />)} />
        <Route path="demands/:id" element={guarded('demands.read', <DemandPage />)} />
        <Route path="solicitations" element={guarded('demands.manage', <SolicitationsPage />)} />
        <Route path="inbox" element={<InboxPage />} />
        <Route path="org/departments" element={guarded('org.read', <DepartmentsPage />)} />
        <Route path="org/people" element={guarded('people.read', <PeoplePage />)} />
        <Route path="org/posts" element={guarded('org.read', <PostsPage />)} />
        <Route path="system/roles" element={guarded('roles.manage', <RolesPage />)} />
        <Route path="system/tokens" element={guarded('users.manage', <TokensPage />)} />
        <Route path="system/sign-ins" element={guarded('signins.read', <SignInsPage />)} />
        <Route path="system/audit" element={guarded('audit.read', <AuditPage />)} />
        <Route path="system/accounts" element={guarded('users.manage', <AccountsPage />)} />
        <Route path="system/calendar" element={guarded('calendar.manage', <CalendarPage />)} />
        <Route path="system/notification-channels" element={guarded('notifications.manage', <ChannelsPage />)} />
        <Route path="system/deliveries" element={guarded('notifications.manage', <DeliveriesPage />)} />
        <Route path="account" element={<AccountPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
