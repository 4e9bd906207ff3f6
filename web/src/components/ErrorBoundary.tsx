import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { i18n } from '../i18n/index.ts';
import { PageErrorBoundary } from './PageErrorBoundary.tsx';

/** The console's page boundary: the failure and a reload, in the console's look. */
export function ErrorBoundary({ children, resetKey }: { children: ReactNode; resetKey?: string }) {
  return (
    <PageErrorBoundary
      resetKey={resetKey}
      fallback={(error) => (
        <Result
          status="warning"
          title={i18n.t('errors.pageFailed')}
          subTitle={error.message}
          extra={
            <Button type="primary" onClick={() => window.location.reload()}>
              {i18n.t('errors.reload')}
            </Button>
          }
        />
      )}
    >
      {children}
    </PageErrorBoundary>
  );
}
