import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { fails, fakeApi } from '../test/fakeApi.ts';
import { AppRoutes } from './routes.tsx';

describe('the console shell', () => {
  it('sends a visitor without a session from a console page to the sign-in page', async () => {
    const api = fakeApi().on('GET', '/api/auth/session', () => fails(401, 'unauthenticated', '请先登录'));
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter initialEntries={['/tasks']}>
          <AppRoutes />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    expect(await screen.findByTestId('login-username', undefined, { timeout: 15_000 })).toBeTruthy();
    expect(api.calls('GET', '/api/auth/session').length).toBeGreaterThan(0);
  });
});
