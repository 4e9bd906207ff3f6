import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { PUBLIC_CHALLENGE_SOLUTION_HEADER, PublicDemandReceipt, PublicSolicitation } from '@qinlian/contracts';
import { AppRoutes } from '../../app/routes.tsx';
import { fakeApi, ok } from '../../test/fakeApi.ts';

function openPublic(path: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const receipt = { code: '7KQ3MZ8RXH2W5', displayCode: '7KQ3-MZ8R-XH2W-5', status: 'received', expectedBy: null } as const;

describe('the public form under a flood (安全校验)', () => {
  it('says it is running a security check while it solves the server’s challenge, then shows the code', async () => {
    // hard enough that the check lasts a moment to be seen (≈16,000 tries)
    const challenge = { challenge: 'v1.demands.14.test.nonce.mac', difficulty: 14, expiresAt: '2026-12-07T01:02:00.000Z' };
    const api = fakeApi().on('POST', '/api/public/demands', (req) =>
      req.headers.get(PUBLIC_CHALLENGE_SOLUTION_HEADER)
        ? { status: 201, body: PublicDemandReceipt.parse(receipt) }
        : { status: 428, body: { error: { code: 'challenge_required', message: '提交较为频繁，请先完成安全校验' }, challenge } },
    );
    openPublic('/p/d/new');
    await userEvent.type(await screen.findByTestId('demand-title'), '路灯坏了');
    await userEvent.type(screen.getByTestId('demand-body'), '小区门口的路灯坏了一周。');
    await userEvent.click(screen.getByTestId('demand-submit'));
    expect((await screen.findByTestId('demand-checking')).textContent).toBe('正在进行安全校验…');
    expect(screen.getByTestId('demand-submit').textContent).toBe('正在进行安全校验…');
    expect((await screen.findByTestId('demand-receipt-code', {}, { timeout: 20_000 })).textContent).toContain('7KQ3-MZ8R-XH2W-5');
    expect(api.calls('POST', '/api/public/demands')).toHaveLength(2);
    expect(screen.queryByTestId('demand-error')).toBeNull();
  });

  it('offers the demand form (我要反映) on an open campaign’s page, for what is not a suggestion', async () => {
    const campaign: PublicSolicitation = {
      code: 'S4T6Y8U2P3Q5W',
      title: '2027年度民生实事项目征集',
      description: '',
      categories: ['教育'],
      opensOn: '2026-08-06',
      closesOn: '2026-08-30',
      open: true,
    };
    fakeApi().on('GET', `/api/public/solicitations/${campaign.code}`, () => ok(PublicSolicitation, campaign));
    openPublic(`/p/s/${campaign.code}`);
    const link = await screen.findByTestId('solicitation-demand-link');
    expect(link.getAttribute('href')).toBe('/p/d/new');
    expect(link.textContent).toBe('有急事难事要反映？请点这里');
    expect(screen.getByTestId('demand-form')).toBeTruthy();
  });
});
