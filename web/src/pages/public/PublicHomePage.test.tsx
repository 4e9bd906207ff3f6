import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { AppRoutes } from '../../app/routes.tsx';
import { changeLanguage } from '../../i18n/index.ts';
import { fakeApi } from '../../test/fakeApi.ts';

/** The app's own route table at a public address: no antd shell around it, as in the browser. */
function openPublic(path: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

afterEach(() => changeLanguage('zh-CN'));

describe('the public shell', () => {
  it('opens /p without a session: brand, the services to come, in zh-CN, then en-US', async () => {
    const api = fakeApi();
    openPublic('/p');
    const home = await screen.findByTestId('public-home');
    expect(within(screen.getByTestId('public-brand')).getByText('勤廉新区')).toBeTruthy();
    expect(within(home).getByText('欢迎使用勤廉新区公众服务')).toBeTruthy();
    expect(within(home).getAllByRole('listitem')).toHaveLength(4);
    // 看进展 leads to the year's livelihood projects
    expect(within(screen.getByTestId('public-service-progress')).getByRole('link').getAttribute('href')).toBe('/p/projects');

    await userEvent.click(screen.getByTestId('public-lang-en-US'));
    expect(await within(home).findByText('Welcome to the Qinlian public services')).toBeTruthy();
    expect(screen.getByTestId('public-lang-en-US').getAttribute('aria-pressed')).toBe('true');
    // nobody was asked who is signed in: the public pages sit outside the console's guard
    expect(api.requests.map((r) => r.path)).not.toContain('/api/auth/session');
  });

  it('sends an unknown public address to the public home, not to the sign-in page', async () => {
    fakeApi();
    openPublic('/p/no-such-page');
    expect(await screen.findByTestId('public-home')).toBeTruthy();
  });
});
