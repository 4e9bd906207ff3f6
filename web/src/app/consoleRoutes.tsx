import { lazy, useEffect, type ComponentType, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import type { Permission } from '@qinlian/contracts';
import { RequirePermission, RequireSession } from '../auth/guards.tsx';
import { NotFound } from '../components/NoPermission.tsx';
import { AppLayout } from '../layout/AppLayout.tsx';
// the console's front door comes with the shell: the first page of anyone not signed in, with no second wait
import { LoginPage } from '../pages/login/LoginPage.tsx';

/** Each page is its own chunk, loaded when first visited. */
const loaders: Array<() => Promise<unknown>> = [];
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => {
  loaders.push(load);
  return lazy(async () => ({ default: (await load())[name] }));
};

/** Loads every page's code (the browser caches it); errors are left to the page's own load. */
function preloadAllPages() {
  for (const load of loaders) load().catch(() => undefined);
}

/** Once signed in, fetches the other pages' code while the user reads this one, so menu clicks open at once. */
function PreloadPagesWhenIdle() {
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 1500));
    idle(() => preloadAllPages());
  }, []);
  return null;
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
            <PreloadPagesWhenIdle />
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<DashboardPage />} />
        <Route path="plan" element={guarded('tasks.read', <PlanPage />)} />
        <Route path="tasks" element={guarded('tasks.read', <TaskListPage />)} />
        <Route path="tasks/:id" element={guarded('tasks.read', <TaskPage />)} />
        <Route path="board" element={guarded('tasks.read', <BoardPage />)} />
        <Route path="inbox" element={<InboxPage />} />
        <Route path="org/departments" element={guarded('org.read', <DepartmentsPage />)} />
        <Route path="org/people" element={guarded('people.read', <PeoplePage />)} />
        <Route path="org/posts" element={guarded('org.read', <PostsPage />)} />
        <Route path="system/roles" element={guarded('roles.manage', <RolesPage />)} />
        <Route path="system/tokens" element={guarded('users.manage', <TokensPage />)} />
        <Route path="system/sign-ins" element={guarded('signins.read', <SignInsPage />)} />
        <Route path="system/audit" element={guarded('audit.read', <AuditPage />)} />
        <Route path="account" element={<AccountPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
