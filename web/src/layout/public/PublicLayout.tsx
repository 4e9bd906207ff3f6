import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../BrandMark.tsx';
import { PUBLIC_BASE } from './paths.ts';
import { PublicErrorBoundary } from './PublicErrorBoundary.tsx';
import { PublicLanguageSwitch } from './PublicLanguageSwitch.tsx';
import './public.css';

/**
 * The shell of the pages the public opens without an account: a brand bar, the language switch and
 * one narrow column. Plain elements and CSS only — no antd, no icons — so it opens fast on a phone.
 */
export function PublicLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <div className="public-shell" data-testid="public-shell">
      <header className="public-header">
        <Link to={PUBLIC_BASE} className="public-brand" data-testid="public-brand">
          <BrandMark size={30} />
          <span className="public-brand-text">
            <span className="public-brand-name">{t('brand.short')}</span>
            <span className="public-brand-sub">{t('public.shellName')}</span>
          </span>
        </Link>
        <PublicLanguageSwitch />
      </header>
      <main className="public-content">
        <PublicErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<p className="public-loading">{t('common.loading')}</p>}>
            <Outlet />
          </Suspense>
        </PublicErrorBoundary>
      </main>
      <footer className="public-footer">{t('brand.org')}</footer>
    </div>
  );
}
