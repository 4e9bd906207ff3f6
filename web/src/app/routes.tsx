import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PUBLIC_BASE } from '../layout/public/paths.ts';

/**
 * Two shells, neither loading the other's code: the public pages under /p (no account; light,
 * mobile-first) and the signed-in console (antd; its own route table in consoleRoutes.tsx). Nothing
 * here may import antd: this file is in the first chunk every visitor loads.
 */
const PublicLayout = lazy(async () => ({ default: (await import('../layout/public/PublicLayout.tsx')).PublicLayout }));
const PublicHomePage = lazy(async () => ({ default: (await import('../pages/public/PublicHomePage.tsx')).PublicHomePage }));
const ConsoleApp = lazy(async () => ({ default: (await import('./ConsoleApp.tsx')).ConsoleApp }));

export function AppRoutes() {
  const { t } = useTranslation();
  return (
    // the boot line of index.html, kept while a shell's code arrives
    <Suspense fallback={<div className="boot">{t('brand.name')}</div>}>
      <Routes>
        {/* Public modules add their pages here, outside the signed-in guard. */}
        <Route path={PUBLIC_BASE} element={<PublicLayout />}>
          <Route index element={<PublicHomePage />} />
          <Route path="*" element={<Navigate to={PUBLIC_BASE} replace />} />
        </Route>
        <Route path="*" element={<ConsoleApp />} />
      </Routes>
    </Suspense>
  );
}
