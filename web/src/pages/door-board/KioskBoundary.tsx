import { useEffect, type ReactNode } from 'react';
import { PageErrorBoundary } from '../../components/PageErrorBoundary.tsx';
import { i18n } from '../../i18n/index.ts';

const RELOAD_AFTER_MS = 30_000;

/** Nobody stands at a kiosk to press "reload": the page reloads itself a little later. */
function ReloadSoon() {
  useEffect(() => {
    const id = setTimeout(() => window.location.reload(), RELOAD_AFTER_MS);
    return () => clearTimeout(id);
  }, []);
  return (
    <div role="alert" style={{ padding: 32, fontSize: 24, textAlign: 'center' }}>
      {i18n.t('errors.pageFailed')}
    </div>
  );
}

/**
 * The door board's page, caught when its code fails to load (a new version deployed under a screen
 * that stays open for months) or to render. Kept small: the route table loads it with the first chunk.
 */
export function KioskBoundary({ children }: { children: ReactNode }) {
  return <PageErrorBoundary fallback={() => <ReloadSoon />}>{children}</PageErrorBoundary>;
}
