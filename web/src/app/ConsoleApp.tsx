import { Suspense, useEffect } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { SessionListener } from '../auth/SessionListener.tsx';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { ConsoleRoutes } from './consoleRoutes.tsx';
import { setMessageApi } from './feedback.ts';
import { theme } from './theme.ts';

function FeedbackBridge() {
  const { message } = AntApp.useApp();
  useEffect(() => {
    setMessageApi(message);
    return () => setMessageApi(null);
  }, [message]);
  return null;
}

/** The staff console: antd in the UI language, toasts for the query caches, the session, its pages. */
export function ConsoleApp() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en-US' ? enUS : zhCN} theme={theme}>
      <AntApp>
        <FeedbackBridge />
        <SessionListener />
        <ErrorBoundary>
          <Suspense fallback={<FullPageSpin />}>
            <ConsoleRoutes />
          </Suspense>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}
