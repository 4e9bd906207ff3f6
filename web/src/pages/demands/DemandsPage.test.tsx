import { describe, expect, it } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { DemandDetail, DemandPage, DemandSummary, SolicitationList, type DemandAbilities } from '@qinlian/contracts';
import { ok } from '../../test/fakeApi.ts';
import { signedIn } from '../../test/fixtures.ts';
import { renderWithApp } from '../../test/renderWithApp.tsx';
import { DemandIntakePage } from './DemandIntakePage.tsx';
import { DemandsPage } from './DemandsPage.tsx';

// antd's first render of a whole page is slow on a busy two-core machine
configure({ asyncUtilTimeout: 5000 });

const ID = '0190f0a0-0000-7000-8000-0000000000a1';
const abilities: DemandAbilities = {
  accept: false,
  dispatch: false,
  reject: false,
  take: false,
  sendBack: false,
  reply: false,
  close: false,
  merge: false,
  hide: false,
  revealContact: false,
  urge: false,
};
const summary: DemandSummary = DemandSummary.parse({
  id: ID,
  code: '7KQ3-MZ8R-XH2W-5',
  kind: 'demand',
  channel: 'phone',
  title: '小区路灯不亮',
  status: 'dispatched',
  category: '市政设施',
  departmentId: '0190f0a0-0000-7000-8000-0000000000d1',
  departmentName: '建设局',
  suggestedCategory: '市政设施',
  suggestedDepartmentId: null,
  suggestedDepartmentName: null,
  submitterName: '张*',
  phone: '138****5678',
  email: null,
  solicitationId: null,
  mergedIntoId: null,
  mergedCount: 2,
  urgent: true,
  hidden: false,
  rating: null,
  createdAt: '2026-12-07T01:00:00.000Z',
  timer: { dueOn: '2026-12-14', workingDaysLeft: 5, overdue: false, doneAt: null, onTime: null },
  version: 3,
  abilities,
});

const openList = (permissions: Parameters<typeof signedIn>[0], path = '/demands') => {
  const api = signedIn(permissions)
    .on('GET', '/api/demands', () => ok(DemandPage, { items: [summary], total: 1, page: 1, pageSize: 20 }))
    .on('GET', '/api/solicitations', () => ok(SolicitationList, { items: [] }));
  renderWithApp(
    <Routes>
      <Route path="/demands" element={<DemandsPage />} />
    </Routes>,
    { path },
  );
  return api;
};

describe('the demands list', () => {
  it('opens the office on its inbox, with the columns of an item and the boxes its permissions allow', async () => {
    const api = openList(['demands.read', 'demands.dispatch']);
    const row = await screen.findByTestId('demand-row');
    expect(within(row).getByTestId('demand-link').textContent).toBe('小区路灯不亮');
    expect(row.textContent).toContain('张* 138****5678');
    expect(within(row).getByTestId('demand-urgent')).toBeTruthy();
    expect(within(row).getByTestId('demand-merged-count').textContent).toBe('已并入 2 件');
    expect(within(row).getByTestId('deadline-tag').textContent).toContain('剩5个工作日');
    expect(api.lastQuery('/api/demands')).toMatchObject({ box: 'inbox', page: '1', pageSize: '20' });
    const boxes = screen.getByTestId('demand-box');
    expect(within(boxes).queryByText('本部门')).toBeNull();
    expect(screen.getByTestId('demand-intake')).toBeTruthy();
  });

  it('opens a department on its own box, without the intake button, and filters by the URL', async () => {
    const api = openList(['demands.read', 'demands.handle'], '/demands?status=dispatched&q=路灯');
    await screen.findByTestId('demand-row');
    expect(api.lastQuery('/api/demands')).toMatchObject({ box: 'department', status: 'dispatched', q: '路灯' });
    expect(within(screen.getByTestId('demand-box')).queryByText('待办')).toBeNull();
    expect(screen.queryByTestId('demand-intake')).toBeNull();
    await userEvent.click(within(screen.getByTestId('demand-box')).getByText('全部'));
    await waitFor(() => expect(api.lastQuery('/api/demands')).toMatchObject({ box: 'all' }));
  });
});

describe('the overdue filter (超期)', () => {
  it('asks for overdue items when ticked, and no more when unticked', async () => {
    const api = openList(['demands.read', 'demands.dispatch']);
    await screen.findByTestId('demand-row');
    expect(api.lastQuery('/api/demands')).not.toHaveProperty('overdue');
    await userEvent.click(screen.getByTestId('demand-overdue-filter'));
    await waitFor(() => expect(api.lastQuery('/api/demands')).toMatchObject({ overdue: 'true' }));
    expect(screen.getByText('只看超期')).toBeTruthy();
    await userEvent.click(screen.getByTestId('demand-overdue-filter'));
    await waitFor(() => expect(api.lastQuery('/api/demands')).not.toHaveProperty('overdue'));
  });
});

describe('登记来电来信', () => {
  const created = (over: Partial<DemandDetail> = {}) =>
    DemandDetail.parse({
      ...summary,
      channel: 'letter',
      status: 'received',
      mergedCount: 0,
      urgent: false,
      timer: null,
      body: '来信反映三栋门前路灯坏了',
      address: null,
      lat: null,
      long: null,
      reply: null,
      repliedAt: null,
      closedAt: null,
      ratingComment: null,
      hiddenReason: null,
      sentBackCount: 0,
      reopenedCount: 0,
      events: [],
      attachments: [],
      merged: [],
      ...over,
    });

  it('enters a letter as written, then attaches its scan', async () => {
    const api = signedIn(['demands.read', 'demands.dispatch'])
      .on('GET', '/api/solicitations', () => ok(SolicitationList, { items: [] }))
      .on('POST', '/api/demands', () => ({ status: 201, body: created() }))
      .on('POST', `/api/demands/${ID}/attachments`, () =>
        ok(
          DemandDetail,
          created({
            attachments: [
              { id: ID, originalName: '来信.pdf', contentType: 'application/pdf', bytes: 2048, createdAt: '2026-12-07T01:00:00.000Z' },
            ],
          }),
        ),
      );
    renderWithApp(<DemandIntakePage />);
    await userEvent.click(within(await screen.findByTestId('intake-channel')).getByText('来信'));
    await userEvent.type(screen.getByTestId('intake-title'), '路灯不亮');
    await userEvent.type(screen.getByTestId('intake-body'), '来信反映三栋门前路灯坏了');
    await userEvent.type(screen.getByTestId('intake-phone'), '1381234');
    await userEvent.click(screen.getByTestId('intake-submit'));
    expect(await screen.findByText('电话号码格式不正确')).toBeTruthy();
    await userEvent.clear(screen.getByTestId('intake-phone'));
    await userEvent.type(screen.getByTestId('intake-phone'), '13812345678');
    await userEvent.click(screen.getByTestId('intake-submit'));

    expect((await screen.findByTestId('intake-code')).textContent).toContain('7KQ3-MZ8R-XH2W-5');
    expect(api.calls('POST', '/api/demands')[0]!.body).toEqual({
      channel: 'letter',
      kind: 'demand',
      title: '路灯不亮',
      body: '来信反映三栋门前路灯坏了',
      phone: '13812345678',
    });
    const input = screen.getByTestId('intake-scan').querySelector('input[type=file]') as HTMLInputElement;
    await userEvent.upload(input, new File(['%PDF-1.4'], '来信.pdf', { type: 'application/pdf' }));
    expect((await screen.findByTestId('intake-attachment')).textContent).toContain('来信.pdf');
    const upload = api.calls('POST', `/api/demands/${ID}/attachments`)[0]!;
    expect((upload.body as FormData).get('file')).toBeInstanceOf(File);
  });
});
