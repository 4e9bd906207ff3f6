import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/index.ts';
import './styles.css';
import { App } from './app/App.tsx';
import { queryClient } from './app/queryClient.ts';
import { startShellFor } from './app/routes.tsx';

// createRoot, not hydrate: the badge card the server may have put in #root is replaced, never matched
const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
const serverRendered = startShellFor(window.location.pathname, queryClient);
if (serverRendered) void serverRendered.then(render);
else render();
