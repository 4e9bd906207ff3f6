import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { z } from 'zod';
import { Measure, Plan, Programme, Rollup } from '@qinlian/contracts';
import { ok } from '../../../test/fakeApi.ts';
import { signedIn } from '../../../test/fixtures.ts';
import { renderWithApp } from '../../../test/renderWithApp.tsx';
import { PlanEditorPage } from './PlanEditorPage.tsx';

const id = (n: string) => `0190f0a0-0000-7000-8000-0000000000${n}`;
const figures = { progress: 0, taskCount: 0, colours: { none: 0, blue: 0, yellow: 0, red: 0 }, closedLate: 0 };
const plan = (n: string, name: string): z.input<typeof Plan> => ({
  id: id(n),
  name,
  year: new Date().getFullYear() - (n === 'a1' ? 0 : 1),
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  thresholds: {},
  version: 1,
});
const measure = (n: string, code: string, weight: number, sort: number) => ({
  id: id(n),
  programmeId: id('b1'),
  code,
  name: `举措${code}`,
  sort,
  weight,
  version: 2,
  ...figures,
});
const programme = (n: string, code: string, weight: number, sort: number, measures: z.input<typeof Measure>[] = []) => ({
  id: id(n),
  planId: id('a1'),
  code,
  name: `工程${code}`,
  sort,
  weight,
  leaderPersonId: null,
  leaderName: null,
  version: 3,
  ...figures,
  measures: measures.map((m) => ({ ...m, closedLate: 0 })),
});

/** Two plans, this year's with two programmes (weights 3 and 1), the first with two measures (1 and 1). */
const server = () =>
  signedIn(['plan.manage', 'tasks.read'])
    .on('GET', '/api/plans', () =>
      ok(z.object({ items: z.array(Plan) }), { items: [plan('a1', '2026年建设行动'), plan('a2', '上年行动')] }),
    )
    .on('GET', `/api/plans/${id('a1')}/rollup`, () =>
      ok(Rollup, {
        planId: id('a1'),
        ...figures,
        programmes: [programme('b1', 'P1', 3, 1, [measure('c1', 'M01', 1, 1), measure('c2', 'M02', 1, 2)]), programme('b2', 'P2', 1, 2)],
      }),
    )
    .on('PATCH', `/api/plan/programmes/${id('b1')}`, () => ok(Programme, { ...programme('b1', 'P1', 3, 2), version: 4 }))
    .on('PATCH', `/api/plan/programmes/${id('b2')}`, () => ok(Programme, { ...programme('b2', 'P2', 1, 1), version: 4 }));

describe('PlanEditorPage', () => {
  it('names the plan and its dates, offers the other plan, and shows each programme’s share of the weights', async () => {
    server();
    renderWithApp(<PlanEditorPage />);
    expect(await screen.findByText('2026年建设行动 · 2026-01-01 ~ 2026-12-31')).toBeTruthy();
    expect(screen.getByTestId('plan-editor-select')).toBeTruthy();
    const table = await screen.findByTestId('programmes-table');
    expect(within(within(table).getByText('工程P1').closest('tr')!).getByText('75%')).toBeTruthy();
    expect(within(within(table).getByText('工程P2').closest('tr')!).getByText('25%')).toBeTruthy();
    expect((screen.getByTestId('programme-move-P1-up') as HTMLButtonElement).disabled).toBe(true);
  });

  it('moves a programme down by saving the two new numbers, each with its version', async () => {
    const api = server();
    renderWithApp(<PlanEditorPage />);
    await userEvent.click(await screen.findByTestId('programme-move-P1-down'));
    await waitFor(() => expect(api.calls('PATCH', `/api/plan/programmes/${id('b1')}`)).toHaveLength(1));
    expect(api.calls('PATCH', `/api/plan/programmes/${id('b2')}`)[0]!.body).toEqual({ sort: 1, version: 3 });
    expect(api.calls('PATCH', `/api/plan/programmes/${id('b1')}`)[0]!.body).toEqual({ sort: 2, version: 3 });
  });
});
