import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ImportReport, PlanList, SessionResponse, type Permission } from '@qinlian/contracts';
import { fakeApi, ok } from '../../../test/fakeApi.ts';
import { renderWithApp } from '../../../test/renderWithApp.tsx';
import { PlanImportPage } from './PlanImportPage.tsx';

const PLAN_ID = '0190f0a0-0000-7000-8000-0000000000a1';

function serverFor(permissions: Permission[]) {
  return fakeApi()
    .on('GET', '/api/auth/session', () =>
      ok(SessionResponse, {
        csrfToken: 'csrf',
        user: {
          id: '0190f0a0-0000-7000-8000-0000000000u1',
          username: 'office',
          personId: null,
          name: '督查办',
          departmentId: null,
          departmentName: null,
          permissions,
          dataScope: 'all',
          mustChangePassword: false,
          totpEnabled: false,
          roles: [],
        },
      }),
    )
    .on('GET', '/api/plans', () =>
      ok(PlanList, {
        items: [
          {
            id: PLAN_ID,
            name: '2026年作风建设计划',
            year: 2026,
            startDate: '2026-01-01',
            endDate: '2026-12-31',
            thresholds: {}, // the defaults
            version: 1,
          },
        ],
      }),
    )
    .on('POST', `/api/plans/${PLAN_ID}/import`, () =>
      ok(ImportReport, { dryRun: true, committed: false, total: 1, created: 1, errors: [], planRows: [] }),
    );
}

async function chooseFileAndCheck() {
  const input = (await screen.findByTestId('plan-import-file')).parentElement!.querySelector('input[type=file]') as HTMLInputElement;
  await userEvent.upload(
    input,
    new File(['xlsx'], 'plan.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
}

describe('PlanImportPage', () => {
  it('offers 补录 to holders of the back-fill permission and sends it with the check', async () => {
    const api = serverFor(['tasks.read', 'plan.manage', 'tasks.backfill']);
    renderWithApp(<PlanImportPage />);
    await chooseFileAndCheck();
    await userEvent.click(await screen.findByTestId('plan-import-backfill'));
    await waitFor(() => expect(screen.getByTestId('plan-import-check').hasAttribute('disabled')).toBe(false));
    await userEvent.click(screen.getByTestId('plan-import-check'));
    await waitFor(() => expect(api.calls('POST', `/api/plans/${PLAN_ID}/import`)).toHaveLength(1));
    const query = Object.fromEntries(api.calls('POST', `/api/plans/${PLAN_ID}/import`)[0]!.query);
    expect(query).toEqual({ dryRun: 'true', backfill: 'true' });
  });

  it('shows no back-fill choice to anyone else, and asks without it', async () => {
    const api = serverFor(['tasks.read', 'plan.manage']);
    renderWithApp(<PlanImportPage />);
    await chooseFileAndCheck();
    await waitFor(() => expect(screen.getByTestId('plan-import-check').hasAttribute('disabled')).toBe(false));
    expect(screen.queryByTestId('plan-import-backfill')).toBeNull();
    await userEvent.click(screen.getByTestId('plan-import-check'));
    await waitFor(() => expect(api.calls('POST', `/api/plans/${PLAN_ID}/import`)).toHaveLength(1));
    expect(Object.fromEntries(api.calls('POST', `/api/plans/${PLAN_ID}/import`)[0]!.query)).toEqual({ dryRun: 'true' });
  });
});
