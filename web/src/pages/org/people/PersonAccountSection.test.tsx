import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Person, PersonCreated, RoleList, type Permission } from '@qinlian/contracts';
import { ok } from '../../../test/fakeApi.ts';
import { personOf, signedIn } from '../../../test/fixtures.ts';
import { renderWithApp } from '../../../test/renderWithApp.tsx';
import { PersonAccountSection } from './PersonAccountSection.tsx';

const person = Person.parse(personOf());

const signedInWith = (permissions: Permission[]) => signedIn(permissions).on('GET', '/api/roles', () => ok(RoleList, { items: [] }));

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
