import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { z } from 'zod';
import { AccountPage, PeoplePage as PeoplePageSchema, PersonCreated, RoleList, UnlockResult, type Permission } from '@qinlian/contracts';
import { fails, ok } from '../../../test/fakeApi.ts';
import { personOf, signedIn } from '../../../test/fixtures.ts';
import { renderWithApp } from '../../../test/renderWithApp.tsx';
import { AccountsPage } from './AccountsPage.tsx';

const STAFF_ROLE = '0190f0a0-0000-7000-8000-0000000000r1';
const DEPT = '0190f0a0-0000-7000-8000-0000000000d1';
type AccountIn = z.input<typeof AccountPage>['items'][number];

const account = (over: Partial<AccountIn>): AccountIn => ({
  id: '0190f0a0-0000-7000-8000-0000000000a1',
  username: 'wangxm',
  displayName: '王晓明',
  personId: '0190f0a0-0000-7000-8000-0000000000p1',
  personName: '王晓明',
  departmentId: DEPT,
  departmentName: '党政办公室',
  roles: [{ id: STAFF_ROLE, code: 'staff', name: '工作人员' }],
  disabled: false,
  mustChangePassword: false,
  totpEnabled: false,
  signInDelayedUntil: null,
  lastSignInAt: '2026-12-07T01:00:00.000Z',
  createdAt: '2026-01-05T01:00:00.000Z',
  abilities: { disable: true, enable: false, resetPassword: true, unlock: false, setRoles: true },
  ...over,
});
const delayed = account({ signInDelayedUntil: '2026-12-07T02:00:00.000Z', abilities: { ...account({}).abilities, unlock: true } });
const disabled = account({
  id: '0190f0a0-0000-7000-8000-0000000000a2',
  username: 'lisi',
  displayName: '李四',
  personName: '李四',
  disabled: true,
  lastSignInAt: null,
  abilities: { disable: false, enable: true, resetPassword: true, unlock: false, setRoles: true },
});

function serverWithAccounts(permissions: Permission[] = ['users.manage', 'roles.manage', 'people.manage', 'people.read']) {
  return signedIn(permissions)
    .on('GET', '/api/roles', () =>
      ok(RoleList, {
        items: [
          {
            id: STAFF_ROLE,
            code: 'staff',
            name: '工作人员',
            permissions: ['tasks.read'],
            dataScope: 'dept',
            customDepartmentIds: [],
            builtin: true,
            userCount: 2,
            version: 1,
          },
        ],
      }),
    )
    .on('GET', '/api/users', (req) =>
      ok(AccountPage, {
        items: req.query.get('state') === 'disabled' ? [disabled] : [delayed, disabled],
        total: req.query.get('state') === 'disabled' ? 1 : 2,
        page: Number(req.query.get('page')),
        pageSize: Number(req.query.get('pageSize')),
      }),
    );
}

/** Confirms the open Popconfirm (antd renders its OK button in a popover). */
const confirmPopover = async () => {
  const pop = await screen.findByRole('tooltip');
  await userEvent.click(within(pop).getByRole('button', { name: /确\s*定|OK/ }));
};

describe('AccountsPage', () => {
  it('lists accounts with person, department, roles, state and last sign-in, and filters by state', async () => {
    const api = serverWithAccounts();
    renderWithApp(<AccountsPage />, { path: '/system/accounts' });
    expect(await screen.findByText('wangxm')).toBeTruthy();
    const row = screen.getByText('wangxm').closest('tr')!;
    expect(within(row).getByText('党政办公室')).toBeTruthy();
    expect(within(row).getByText('工作人员')).toBeTruthy();
    expect(within(screen.getByTestId('account-state-wangxm')).getByText('登录限速中')).toBeTruthy();
    expect(within(screen.getByTestId('account-state-lisi')).getByText('已停用')).toBeTruthy();
    expect(within(screen.getByText('lisi').closest('tr')!).getByText('从未登录')).toBeTruthy();
    // what the server allows, and nothing else
    expect(screen.getByTestId('account-unlock-wangxm')).toBeTruthy();
    expect(screen.queryByTestId('account-unlock-lisi')).toBeNull();
    expect(screen.getByTestId('account-enable-lisi')).toBeTruthy();
    expect(screen.queryByTestId('account-disable-lisi')).toBeNull();
    expect(api.lastQuery('/api/users')).toEqual({ page: '1', pageSize: '20' });

    fireEvent.mouseDown(within(screen.getByTestId('accounts-state-filter')).getByRole('combobox'));
    await userEvent.click(await screen.findByTitle('已停用'));
    await waitFor(() => expect(api.lastQuery('/api/users')).toEqual({ page: '1', pageSize: '20', state: 'disabled' }));
    await userEvent.type(screen.getByTestId('accounts-search'), 'li{Enter}');
    await waitFor(() => expect(api.lastQuery('/api/users')).toEqual({ page: '1', pageSize: '20', state: 'disabled', q: 'li' }));
  });

  it('resets a password and shows the new one once; releases a delay; enables a disabled account', async () => {
    const api = serverWithAccounts()
      .on('POST', `/api/users/${delayed.id}/reset-password`, () => ({ body: { password: 'Nq7#pLx2Vw9a' } }))
      .on('POST', `/api/users/${delayed.id}/unlock`, () => ok(UnlockResult, { released: 2 }))
      .on('POST', `/api/users/${disabled.id}/enable`, () => ({ body: { ok: true } }));
    renderWithApp(<AccountsPage />, { path: '/system/accounts' });

    await userEvent.click(await screen.findByTestId('account-reset-wangxm'));
    await confirmPopover();
    expect((await screen.findByTestId('account-new-password')).textContent).toContain('Nq7#pLx2Vw9a');
    await userEvent.click(screen.getByRole('button', { name: '我已妥善保存' }));

    await userEvent.click(screen.getByTestId('account-unlock-wangxm'));
    await confirmPopover();
    expect(await screen.findByText('已解除 2 个来源地址的登录限速')).toBeTruthy();

    await userEvent.click(screen.getByTestId('account-enable-lisi'));
    await waitFor(() => expect(api.calls('POST', `/api/users/${disabled.id}/enable`)).toHaveLength(1));
    expect(api.calls('POST', `/api/users/${delayed.id}/unlock`)).toHaveLength(1);
  });

  it('opens an account for a registered person, showing the server’s field error, then the initial password', async () => {
    const person = personOf({ id: '0190f0a0-0000-7000-8000-0000000000p9', name: '赵六', title: null });
    let attempts = 0;
    const api = serverWithAccounts()
      .on('GET', '/api/people', () => ok(PeoplePageSchema, { items: [person], total: 1, page: 1, pageSize: 30 }))
      .on('POST', `/api/people/${person.id}/account`, () =>
        ++attempts === 1
          ? fails(409, 'duplicate', '“zhaoliu”已存在，不能重复', [{ path: 'body.username', message: 'duplicate' }])
          : ok(PersonCreated, {
              ...person,
              username: 'zhaoliu6',
              userId: '0190f0a0-0000-7000-8000-0000000000a9',
              initialPassword: 'Init#2026xyz',
            }),
      );
    renderWithApp(<AccountsPage />, { path: '/system/accounts' });

    await userEvent.click(await screen.findByTestId('account-open-button'));
    fireEvent.mouseDown(within(screen.getByTestId('open-account-person')).getByRole('combobox'));
    await userEvent.click(await screen.findByTitle('赵六 · 党政办公室'));
    await userEvent.type(screen.getByTestId('open-account-username'), 'zhaoliu');
    await userEvent.click(screen.getByTestId('open-account-save'));
    // the server's answer sits under the username
    expect(await screen.findByText('“zhaoliu”已存在，不能重复')).toBeTruthy();

    await userEvent.clear(screen.getByTestId('open-account-username'));
    await userEvent.type(screen.getByTestId('open-account-username'), 'zhaoliu6');
    await userEvent.click(screen.getByTestId('open-account-save'));
    expect((await screen.findByTestId('open-account-password')).textContent).toContain('Init#2026xyz');
    expect(api.calls('POST', `/api/people/${person.id}/account`).at(-1)!.body).toEqual({ username: 'zhaoliu6', roleIds: [] });
  });
});
