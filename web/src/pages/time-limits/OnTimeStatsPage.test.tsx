import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { TimeLimitStats } from '@qinlian/contracts';
import { fakeApi, ok } from '../../test/fakeApi.ts';
import { renderWithApp } from '../../test/renderWithApp.tsx';
import { OnTimeStatsPage } from './OnTimeStatsPage.tsx';

const figures = (doneOnTime: number, doneLate: number, openWithinLimit: number, openOverdue: number, onTimeRate: number | null) => ({
  doneOnTime,
  doneLate,
  openWithinLimit,
  openOverdue,
  onTimeRate,
});
const DEPT = '0190f0a0-0000-7000-8000-000000000201';
const stats = TimeLimitStats.parse({
  today: '2026-12-07',
  total: figures(2, 1, 2, 2, 40),
  departments: [{ departmentId: DEPT, departmentName: '经济发展局', ...figures(2, 1, 2, 2, 40) }],
  people: [
    {
      personId: '0190f0a0-0000-7000-8000-000000000202',
      personName: '王伟',
      departmentId: DEPT,
      departmentName: '经济发展局',
      ...figures(2, 0, 1, 0, 100),
    },
    {
      personId: '0190f0a0-0000-7000-8000-000000000203',
      personName: '李娜',
      departmentId: DEPT,
      departmentName: '经济发展局',
      ...figures(0, 1, 1, 2, 0),
    },
  ],
});

describe('按期办结统计 page', () => {
  it('asks with the filters the address holds, and shows the rate, the department chart and each person', async () => {
    const api = fakeApi().on('GET', '/api/time-limits/stats', () => ok(TimeLimitStats, stats));
    renderWithApp(<OnTimeStatsPage />, { path: `/time-limits/stats?kind=enquiry&from=2026-12-01&to=not-a-date&departmentId=${DEPT}` });
    await waitFor(() => expect(screen.getByTestId('on-time-rate').textContent).toContain('40'));
    expect(api.lastQuery('/api/time-limits/stats')).toEqual({ kind: 'enquiry', departmentId: DEPT, from: '2026-12-01' });
    expect(screen.getByTestId('on-time-chart')).toBeTruthy();
    expect(screen.getByText('逾期按 2026-12-07 计算')).toBeTruthy();
    const rows = within(screen.getByTestId('on-time-people')).getAllByRole('row').slice(1);
    // lowest on-time rate first: who needs a look comes to the top
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['李娜', '王伟']);
    expect(rows[0]!.textContent).toContain('0%');
  });
});
