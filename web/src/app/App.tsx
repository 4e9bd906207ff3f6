import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { queryClient } from './queryClient.ts';
import { AppRoutes } from './routes.tsx';

/**
 * Data and routing for both shells. Each shell brings its own look — antd for the console, plain
 * CSS for the public pages — so that a phone opening a public page never downloads the console.
 */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
