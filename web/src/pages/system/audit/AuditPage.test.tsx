import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { z } from 'zod';
import { AuditPage as AuditPageSchema } from '@qinlian/contracts';
import { fakeApi, ok } from '../../../test/fakeApi.ts';
import { renderWithApp } from '../../../test/renderWithApp.tsx';
import { changeLanguage } from '../../../i18n/index.ts';
import { AuditPage } from './AuditPage.tsx';

type Event = z.input<typeof AuditPageSchema>['items'][number];
const event = (seq: number, action: string, entityType: string, after: unknown): Event => ({
  seq,
  at: '2026-12-07T02:00:00.000Z',
  actorId: '0190f0a0-0000-7000-8000-0000000000u1',
  actorName: '王晓明',
  action,
  entityType,
  entityId: `id-${seq}`,
  before: null,
  after,
  ip: '10.0.0.8',
  hash: `hash-${seq}`,
  algorithm: 'sha256',
});

function serverWithAudit() {
  return fakeApi().on('GET', '/api/audit', () =>
    ok(AuditPageSchema, {
      items: [
        event(3, 'notification.read', 'notification', { readAt: '2026-12-07T02:00:00.000Z' }),
        event(2, 'department.create', 'department', { name: '党政办公室', sort: 0 }),
        event(1, 'mystery.code', 'mystery', null),
      ],
      total: 3,
      page: 1,
      pageSize: 20,
    }),
  );
}

afterEach(() => changeLanguage('zh-CN'));

describe('AuditPage', () => {
  it('names actions and record types in Chinese, and shows a code it does not know as the code', async () => {
    serverWithAudit();
    renderWithApp(<AuditPage />);
    const table = await screen.findByTestId('audit-table');
    await waitFor(() => expect(within(table).getAllByTestId('audit-action-name')).toHaveLength(3));
    const names = within(table)
      .getAllByTestId('audit-action-name')
      .map((n) => n.textContent);
    expect(names).toEqual(['阅读通知', '新建部门', 'mystery.code']);
    expect(within(table).queryByText('notification.read')).toBeNull();
    expect(within(table).getByText('通知')).toBeTruthy();
  });

  it('names them in English in the English console', async () => {
    await changeLanguage('en-US');
    serverWithAudit();
    renderWithApp(<AuditPage />);
    const table = await screen.findByTestId('audit-table');
    await waitFor(() => expect(within(table).getAllByTestId('audit-action-name')).toHaveLength(3));
    expect(
      within(table)
        .getAllByTestId('audit-action-name')
        .map((n) => n.textContent),
    ).toEqual(['Read notification', 'Create department', 'mystery.code']);
  });

  it('opens a record in a drawer with its code, its snapshots as JSON and its hash', async () => {
    serverWithAudit();
    renderWithApp(<AuditPage />);
    await userEvent.click(await screen.findByTestId('audit-open-2'));
    const drawer = await screen.findByTestId('audit-detail');
    expect(within(drawer).getByText('department.create')).toBeTruthy();
    expect(within(drawer).getByText(/"name": "党政办公室"/)).toBeTruthy();
    expect(within(drawer).getByText('hash-2')).toBeTruthy();
  });
});
