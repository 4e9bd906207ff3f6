import type { ReactNode } from 'react';
import { i18n } from '../../i18n/index.ts';
import { PageErrorBoundary } from '../../components/PageErrorBoundary.tsx';

/** A public page that fails to render or to load (a new version deployed under the open tab) offers a reload. */
export function PublicErrorBoundary({ children, resetKey }: { children: ReactNode; resetKey?: string }) {
  return (
    <PageErrorBoundary
      resetKey={resetKey}
      fallback={() => (
        <div className="public-card" role="alert">
          <h2>{i18n.t('errors.pageFailed')}</h2>
          <button type="button" className="public-button" onClick={() => window.location.reload()}>
            {i18n.t('errors.reload')}
          </button>
        </div>
      )}
    >
      {children}
    </PageErrorBoundary>
  );
}
