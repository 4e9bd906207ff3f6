import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SessionResponse, TotpSetupResponse } from '@qinlian/contracts';
import { fakeApi, fails, ok } from '../../test/fakeApi.ts';
import { renderWithApp } from '../../test/renderWithApp.tsx';
import { TotpCard } from './TotpCard.tsx';

const session = (totpEnabled: boolean) =>
  ok(SessionResponse, {
    csrfToken: 'csrf',
    user: {
      id: '0190f0a0-0000-7000-8000-0000000000u1',
      username: 'wangxm',
      personId: null,
      name: '王晓明',
      departmentId: null,
      departmentName: null,
      permissions: [],
      dataScope: 'self',
      mustChangePassword: false,
      totpEnabled,
      roles: [],
    },
  });

describe('TotpCard', () => {
  it('asks for the current password before setting up, and sends it with the confirming code', async () => {
    const api = fakeApi()
      .on('GET', '/api/auth/session', () => session(false))
      .on('POST', '/api/auth/totp/setup', (req) =>
        (req.body as { password?: string }).password === 'Mine#2026'
          ? ok(TotpSetupResponse, { secret: 'JBSWY3DPEHPK3PXP', otpauthUrl: 'otpauth://totp/Qinlian:wangxm?secret=JBSWY3DPEHPK3PXP' })
          : fails(400, 'wrong_current_password', '当前密码不正确', [{ path: 'body.password', message: 'wrong' }]),
      )
      .on('POST', '/api/auth/totp/enable', () => ({ body: { ok: true } }));
    renderWithApp(<TotpCard />);

    await userEvent.click(await screen.findByTestId('totp-setup'));
    expect(api.calls('POST', '/api/auth/totp/setup')).toHaveLength(0); // nothing sent without the password
    expect(screen.getByText('请输入当前密码以确认是本人操作')).toBeTruthy();

    await userEvent.type(screen.getByTestId('totp-setup-confirm-password'), 'wrong-one');
    await userEvent.click(screen.getByTestId('totp-setup-confirm-submit'));
    expect(await screen.findAllByText('当前密码不正确')).not.toHaveLength(0);
    expect(screen.queryByTestId('totp-secret')).toBeNull();

    await userEvent.clear(screen.getByTestId('totp-setup-confirm-password'));
    await userEvent.type(screen.getByTestId('totp-setup-confirm-password'), 'Mine#2026');
    await userEvent.click(screen.getByTestId('totp-setup-confirm-submit'));
    expect((await screen.findByTestId('totp-secret')).textContent).toContain('JBSWY3DPEHPK3PXP');

    await userEvent.type(screen.getByTestId('totp-code'), '123456');
    await userEvent.click(screen.getByTestId('totp-enable'));
    await waitFor(() => expect(api.calls('POST', '/api/auth/totp/enable')).toHaveLength(1));
    expect(api.calls('POST', '/api/auth/totp/enable')[0]!.body).toEqual({ code: '123456', password: 'Mine#2026' });
  });

  it('turns it off only after the password is typed', async () => {
    const api = fakeApi()
      .on('GET', '/api/auth/session', () => session(true))
      .on('POST', '/api/auth/totp/disable', () => ({ body: { ok: true } }));
    renderWithApp(<TotpCard />);
    await userEvent.click(await screen.findByTestId('totp-disable'));
    await userEvent.click(screen.getByTestId('totp-disable-submit'));
    expect(api.calls('POST', '/api/auth/totp/disable')).toHaveLength(0); // the empty password is caught here
    await userEvent.type(screen.getByTestId('totp-disable-password'), 'Mine#2026');
    await userEvent.click(screen.getByTestId('totp-disable-submit'));
    await waitFor(() => expect(api.calls('POST', '/api/auth/totp/disable')).toHaveLength(1));
    expect(api.calls('POST', '/api/auth/totp/disable')[0]!.body).toEqual({ password: 'Mine#2026' });
  });
});
