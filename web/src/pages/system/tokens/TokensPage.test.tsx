import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { z } from 'zod';
import { ApiToken, ApiTokenCreated, SessionResponse } from '@qinlian/contracts';
import { fakeApi, ok } from '../../../test/fakeApi.ts';
import { renderWithApp } from '../../../test/renderWithApp.tsx';
import { TokensPage } from './TokensPage.tsx';

const ME = '0190f0a0-0000-7000-8000-0000000000u1';
const token = (id: string, name: string, scope: z.input<typeof ApiToken>['scope']): z.input<typeof ApiToken> => ({
  id: `0190f0a0-0000-7000-8000-0000000000${id}`,
  userId: ME,
  username: 'admin',
  name,
  scope,
  createdAt: '2026-12-01T01:00:00.000Z',
  expiresAt: '2027-12-01T01:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
});

function server() {
  return fakeApi()
    .on('GET', '/api/auth/session', () =>
      ok(SessionResponse, {
        csrfToken: 'csrf',
        user: {
          id: ME,
          username: 'admin',
          personId: null,
          name: '管理员',
          departmentId: null,
          departmentName: null,
          permissions: ['org.read', 'people.read', 'users.manage'],
          dataScope: 'all',
          mustChangePassword: false,
          totpEnabled: false,
          roles: [],
        },
      }),
    )
    .on('GET', '/api/api-tokens', () => ({
      body: {
        items: [
          token('t1', '只读对接', { kind: 'read_only' }),
          token('t2', '人员同步', { kind: 'permissions', permissions: ['people.read'] }),
          token('t3', '老令牌', { kind: 'legacy' }),
        ].map((x) => ApiToken.parse(x)),
      },
    }))
    .on('POST', '/api/api-tokens', (req) => {
      const body = req.body as { name: string; scope: z.input<typeof ApiToken>['scope'] };
      return ok(ApiTokenCreated, { ...token('t4', body.name, body.scope), token: 'qlt_secret' });
    });
}

describe('TokensPage', () => {
  it('shows each token’s scope: read-only, its permissions by name, legacy flagged', async () => {
    server();
    renderWithApp(<TokensPage />);
    const table = await screen.findByTestId('tokens-table');
    await within(table).findByText('只读对接');
    expect(within(table).getByText('只读')).toBeTruthy();
    expect(within(table).getByText('查看人员')).toBeTruthy();
    expect(within(table).getByText('旧令牌（账号全部权限）')).toBeTruthy();
  });

  it('issues a read-only token unless permissions are picked', async () => {
    const api = server();
    renderWithApp(<TokensPage />);
    await userEvent.click(await screen.findByTestId('token-create-button'));
    await userEvent.type(screen.getByTestId('token-name-input'), '只读报表');
    await userEvent.click(screen.getByTestId('token-save'));
    await waitFor(() => expect(api.calls('POST', '/api/api-tokens')).toHaveLength(1));
    expect(api.calls('POST', '/api/api-tokens')[0]!.body).toMatchObject({ name: '只读报表', userId: ME, scope: { kind: 'read_only' } });
  });

  it('offers, for one’s own token, only the permissions one holds, and sends the ones picked', async () => {
    const api = server();
    renderWithApp(<TokensPage />);
    await userEvent.click(await screen.findByTestId('token-create-button'));
    await userEvent.type(screen.getByTestId('token-name-input'), '人员同步二');
    await userEvent.click(screen.getByText('指定权限'));
    fireEvent.mouseDown(within(await screen.findByTestId('token-scope-permissions')).getByRole('combobox'));
    await screen.findByTitle('查看人员');
    const offered = [...document.querySelectorAll('.ant-select-item-option')].map((o) => o.getAttribute('title'));
    expect(offered).toEqual(['查看组织机构', '查看人员', '管理账号与 API 令牌']);
    fireEvent.click(await screen.findByTitle('查看人员'));
    await userEvent.click(screen.getByTestId('token-save'));
    await waitFor(() => expect(api.calls('POST', '/api/api-tokens')).toHaveLength(1));
    expect(api.calls('POST', '/api/api-tokens')[0]!.body).toMatchObject({ scope: { kind: 'permissions', permissions: ['people.read'] } });
  });
});
