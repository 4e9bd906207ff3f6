import { lazy, Suspense, type ComponentType } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { QueryClient } from '@tanstack/react-query';
import { sessionQuery } from '../auth/session.ts';
import { isPublicPath, PUBLIC_BASE } from '../layout/public/paths.ts';
import { startPublicRatingPage } from '../pages/public-rating/preload.ts';
import { KioskBoundary } from '../pages/door-board/KioskBoundary.tsx';

/**
 * Two shells, neither loading the other's code: the public pages under /p (no account; light,
 * mobile-first) and the signed-in console (antd; its own route table in consoleRoutes.tsx). Nothing
 * here may import antd: this file is in the first chunk every visitor loads.
 */
const PublicLayout = lazy(async () => ({ default: (await import('../layout/public/PublicLayout.tsx')).PublicLayout }));
const PublicHomePage = lazy(async () => ({ default: (await import('../pages/public/PublicHomePage.tsx')).PublicHomePage }));
// 亮牌 + 好差评: the badge behind a QR code, an enquiry by its tracking code, a department's published ratings
const ratingPage = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));
const PublicBadgePage = ratingPage(() => import('../pages/public-rating/PublicBadgePage.tsx'), 'PublicBadgePage');
const PublicEnquiryPage = ratingPage(() => import('../pages/public-rating/PublicEnquiryPage.tsx'), 'PublicEnquiryPage');
const PublicEnquiryLookupPage = ratingPage(() => import('../pages/public-rating/PublicEnquiryPage.tsx'), 'PublicEnquiryLookupPage');
const PublicResultsPage = ratingPage(() => import('../pages/public-rating/PublicResultsPage.tsx'), 'PublicResultsPage');
// 我要反映, 民生实事征集 and 办理进度: the public's demands and suggestions (issue 14)
const PublicDemandNewPage = ratingPage(() => import('../pages/public-demands/PublicDemandNewPage.tsx'), 'PublicDemandNewPage');
const PublicDemandPage = ratingPage(() => import('../pages/public-demands/PublicDemandPage.tsx'), 'PublicDemandPage');
const PublicDemandLookupPage = ratingPage(() => import('../pages/public-demands/PublicDemandPage.tsx'), 'PublicDemandLookupPage');
const PublicSolicitationPage = ratingPage(() => import('../pages/public-demands/PublicSolicitationPage.tsx'), 'PublicSolicitationPage');
// 民生实事项目进展: the year's livelihood projects chosen from the suggestions, as their tasks stand
const PublicProjectsPage = ratingPage(() => import('../pages/public-projects/PublicProjectsPage.tsx'), 'PublicProjectsPage');
// 公告验证: a printed bulletin's audit head checked against today's chain, and the area's SM2 public keys
const PublicVerifyPage = ratingPage(() => import('../pages/public-verify/PublicVerifyPage.tsx'), 'PublicVerifyPage');
const PublicKeysPage = ratingPage(() => import('../pages/public-verify/PublicKeysPage.tsx'), 'PublicKeysPage');
// 门口去向牌: a kiosk screen of its own, outside the public shell's narrow column
const DoorBoardPage = ratingPage(() => import('../pages/door-board/DoorBoardPage.tsx'), 'DoorBoardPage');
const loadConsole = () => import('./ConsoleApp.tsx');
const ConsoleApp = lazy(async () => ({ default: (await loadConsole()).ConsoleApp }));

/**
 * Called once before the first render: a console address starts the console's code and asks who is
 * signed in at once, side by side, instead of one after the other as the first render would.
 */
export function startShellFor(pathname: string, queryClient: QueryClient): Promise<unknown> | undefined {
  // a page the server rendered (the badge) resolves when its code is here: render then (main.tsx)
  if (isPublicPath(pathname)) return startPublicRatingPage(pathname, queryClient);
  // the built console names its chunk (vite.config.ts): as a script, the page's load event waits for it
  const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content;
  const chunk = meta('qinlian-console');
  if (chunk) {
    // what the chunk imports, asked for at once rather than found one after the other as each arrives
    for (const href of meta('qinlian-console-imports')?.split(' ').filter(Boolean) ?? [])
      document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href }));
    document.head.append(Object.assign(document.createElement('script'), { type: 'module', src: chunk }));
  } else void loadConsole();
  void queryClient.prefetchQuery(sessionQuery);
}

export function AppRoutes() {
  const { t } = useTranslation();
  return (
    // the boot line of index.html, kept while a shell's code arrives
    <Suspense fallback={<div className="boot">{t('brand.name')}</div>}>
      <Routes>
        {/* Public modules add their pages here, outside the signed-in guard. */}
        <Route
          path={`${PUBLIC_BASE}/door-boards/:code`}
          element={
            <KioskBoundary>
              <DoorBoardPage />
            </KioskBoundary>
          }
        />
        <Route path={PUBLIC_BASE} element={<PublicLayout />}>
          <Route index element={<PublicHomePage />} />
          <Route path="b/:code" element={<PublicBadgePage />} />
          <Route path="e" element={<PublicEnquiryLookupPage />} />
          <Route path="e/:code" element={<PublicEnquiryPage />} />
          <Route path="r/:code" element={<PublicResultsPage />} />
          <Route path="d" element={<PublicDemandLookupPage />} />
          <Route path="d/new" element={<PublicDemandNewPage />} />
          <Route path="d/:code" element={<PublicDemandPage />} />
          <Route path="s/:code" element={<PublicSolicitationPage />} />
          <Route path="projects" element={<PublicProjectsPage />} />
          <Route path="projects/:year" element={<PublicProjectsPage />} />
          <Route path="verify" element={<PublicVerifyPage />} />
          <Route path="keys" element={<PublicKeysPage />} />
          <Route path="*" element={<Navigate to={PUBLIC_BASE} replace />} />
        </Route>
        <Route path="*" element={<ConsoleApp />} />
      </Routes>
    </Suspense>
  );
}
