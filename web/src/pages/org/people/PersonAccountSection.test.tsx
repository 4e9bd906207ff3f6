import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Person, PersonCreated, RoleList, SessionResponse, type Permission } from '@qinlian/contracts';
import { fakeApi, ok } from '../../../test/fakeApi.ts';
import { renderWithApp } from '../../../test/renderWithApp.tsx';
import { PersonAccountSection } from './PersonAccountSection.tsx';

const person = Person.parse({
  id: '0190f0a0-0000-7000-8000-0000000000p1',
  name: '王晓明',
  phone: null,
  photoUrl: null,
  departmentId: '0190f0a0-0000-7000-8000-0000000000d1',
  departmentName: '党政办公室',
  title: '科员',
  status: 'active',
  posts: [],
  email: null,
  username: null,
  userId: null,
  roleIds: [],
  accountDisabled: null,
  version: 1,
  createdAt: '2026-01-05T01:00:00.000Z',
  abilities: { manage: true },
});

const signedInWith = (permissions: Permission[]) =>
  fakeApi()
    .on('GET', '/api/auth/session', () =>
      ok(SessionResponse, {
        csrfToken: 'csrf',
        user: {
          id: '0190f0a0-0000-7000-8000-0000000000u1',
          username: 'admin',
          personId: null,
          name: '管理员',
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
    .on('GET', '/api/roles', () => ok(RoleList, { items: [] }));

describe('PersonAccountSection without an account', () => {
  it('opens one from the people drawer and shows the initial password once', async () => {
    const api = signedInWith(['people.read', 'people.manage', 'users.manage']).on('POST', `/api/people/${person.id}/account`, () =>
      ok(PersonCreated, { ...person, username: 'wangxm', userId: '0190f0a0-0000-7000-8000-0000000000a1', initialPassword: 'Init#2026abc' }),
    );
    renderWithApp(<PersonAccountSection person={person} />);
    expect(screen.getByText('此人员尚未开通登录账号。')).toBeTruthy();
    await userEvent.click(await screen.findByTestId('person-open-account'));
    expect(await screen.findByText('开通登录账号')).toBeTruthy();
    await userEvent.type(screen.getByTestId('open-account-username'), 'wangxm');
    await userEvent.click(screen.getByTestId('open-account-save'));
    expect((await screen.findByTestId('open-account-password')).textContent).toContain('Init#2026abc');
    await waitFor(() =>
      expect(api.calls('POST', `/api/people/${person.id}/account`)[0]!.body).toEqual({ username: 'wangxm', roleIds: [] }),
    );
  });

  it('offers no button to someone who may not manage accounts', async () => {
    signedInWith(['people.read', 'people.manage']);
    const { queryClient } = renderWithApp(<PersonAccountSection person={person} />);
    expect(await screen.findByText('此人员尚未开通登录账号。')).toBeTruthy();
    // once the session (whose permissions decide) is in, there is still no button
    await waitFor(() => expect(queryClient.getQueryData(['session'])).toBeTruthy());
    expect(screen.queryByTestId('person-open-account')).toBeNull();
  });
});
