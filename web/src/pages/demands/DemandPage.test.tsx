import { describe, expect, it } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { DemandContact, DemandDetail, DemandMergeResult, DemandSimilarList, type DemandAbilities } from '@qinlian/contracts';
import { ok } from '../../test/fakeApi.ts';
import { signedIn } from '../../test/fixtures.ts';
import { renderWithApp } from '../../test/renderWithApp.tsx';
import { DemandPage } from './DemandPage.tsx';

// antd's first render of a whole page is slow on a busy two-core machine
configure({ asyncUtilTimeout: 5000 });

const ID = '0190f0a0-0000-7000-8000-0000000000a1';
const OTHER = '0190f0a0-0000-7000-8000-0000000000a2';
const DEPT = '0190f0a0-0000-7000-8000-0000000000d1';
const none: DemandAbilities = {
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

const itemOf = (over: Partial<DemandDetail> = {}): DemandDetail =>
  DemandDetail.parse({
    id: ID,
    code: '7KQ3-MZ8R-XH2W-5',
    kind: 'demand',
    channel: 'web',
    title: '<b>小区路灯</b>不亮',
    status: 'received',
    category: null,
    departmentId: null,
    departmentName: null,
    suggestedCategory: '市政设施',
    suggestedDepartmentId: DEPT,
    suggestedDepartmentName: '建设局',
    submitterName: '张*',
    phone: '138****5678',
    email: null,
    solicitationId: null,
    mergedIntoId: null,
    mergedCount: 0,
    urgent: false,
    hidden: false,
    rating: null,
    createdAt: '2026-12-07T01:00:00.000Z',
    timer: null,
    version: 3,
    abilities: none,
    body: '三栋门前<script>alert(1)</script>路灯坏了两周',
    address: '幸福小区3栋',
    lat: null,
    long: null,
    reply: null,
    repliedAt: null,
    closedAt: null,
    ratingComment: null,
    hiddenReason: null,
    sentBackCount: 0,
    reopenedCount: 0,
    events: [
      {
        id: '0190f0a0-0000-7000-8000-0000000000e1',
        kind: 'received',
        personName: null,
        departmentName: null,
        note: null,
        at: '2026-12-07T01:00:00.000Z',
      },
    ],
    attachments: [],
    merged: [],
    ...over,
  });

/** The page over a fake server whose item is what the last step answered (the page asks again after each step). */
const show = (item: DemandDetail) => {
  let current = item;
  const api = signedIn(['demands.read', 'demands.dispatch'])
    .on('GET', `/api/demands/${ID}`, () => ok(DemandDetail, current))
    .on('GET', `/api/demands/${ID}/similar`, () => ok(DemandSimilarList, { items: [] }))
    .on('GET', '/api/departments', () => ({ body: { items: [] } }));
  renderWithApp(
    <Routes>
      <Route path="/demands/:id" element={<DemandPage />} />
    </Routes>,
    { path: `/demands/${ID}` },
  );
  return Object.assign(api, {
    /** a step's answer, which the item then is */
    step: (path: string, next: DemandDetail) =>
      api.on('POST', `/api/demands/${ID}/${path}`, () => {
        current = next;
        return ok(DemandDetail, next);
      }),
  });
};

describe('a demand’s page', () => {
  it('shows markup as text, the masked contact and the routing suggestion, and no step to a reader', async () => {
    show(itemOf());
    expect((await screen.findByTestId('demand-title')).textContent).toBe('<b>小区路灯</b>不亮');
    expect(screen.getByTestId('demand-body-text').textContent).toBe('三栋门前<script>alert(1)</script>路灯坏了两周');
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByTestId('demand-contact-masked').textContent).toBe('张* · 138****5678');
    expect(screen.queryByTestId('demand-contact-reveal')).toBeNull();
    expect(screen.getByTestId('demand-suggested-department').textContent).toContain('建设局');
    expect(screen.queryByTestId('demand-actions')).toBeNull();
  });

  it('reveals the full contact only on a confirmed click, which says the view is recorded', async () => {
    const api = show(itemOf({ abilities: { ...none, revealContact: true } })).on('GET', `/api/demands/${ID}/contact`, () =>
      ok(DemandContact, { name: '张三', phone: '13812345678', email: null }),
    );
    await userEvent.click(await screen.findByTestId('demand-contact-reveal'));
    expect(api.calls('GET', `/api/demands/${ID}/contact`)).toHaveLength(0);
    expect(await screen.findByText(/将被记录/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '查看完整联系方式' }));
    const full = await screen.findByTestId('demand-contact-full');
    expect(full.textContent).toContain('13812345678');
    expect(full.textContent).toContain('本次查看已记录');
  });

  it('accepts with the suggested category preselected and the version it read', async () => {
    const api = show(itemOf({ abilities: { ...none, accept: true, dispatch: true, reject: true } }));
    api.step('accept', itemOf({ status: 'accepted', category: '市政设施', urgent: true, version: 4 }));
    await screen.findByTestId('demand-title');
    expect(screen.getByTestId('demand-reject')).toBeTruthy();
    await userEvent.click(screen.getByTestId('demand-accept'));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByTestId('demand-step-urgent'));
    await userEvent.click(within(dialog).getByTestId('demand-step-ok'));
    await waitFor(() => expect(api.calls('POST', `/api/demands/${ID}/accept`)).toHaveLength(1));
    expect(api.calls('POST', `/api/demands/${ID}/accept`)[0]!.body).toEqual({ category: '市政设施', urgent: true, version: 3 });
    expect(await screen.findByTestId('demand-urgent')).toBeTruthy();
  });

  it('sends a reply to all the submitters of a merged item', async () => {
    const merged = [
      { id: OTHER, code: 'AAAA-BBBB-CCCC-D', title: '路灯坏了', channel: 'phone' as const, createdAt: '2026-12-07T02:00:00.000Z' },
    ];
    const api = show(itemOf({ status: 'handling', mergedCount: 1, merged, abilities: { ...none, reply: true } }));
    api.step('reply', itemOf({ status: 'replied', reply: '已更换灯泡', version: 4 }));
    expect((await screen.findAllByTestId('demand-merged-item')).length).toBe(1);
    await userEvent.click(screen.getByTestId('demand-reply'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('答复将同时送达 2 位提交人');
    await userEvent.type(within(dialog).getByTestId('demand-step-reply'), '已更换灯泡');
    await userEvent.click(within(dialog).getByTestId('demand-step-ok'));
    expect((await screen.findByTestId('demand-reply-text')).textContent).toBe('已更换灯泡');
    expect(api.calls('POST', `/api/demands/${ID}/reply`)[0]!.body).toEqual({ reply: '已更换灯泡', version: 3 });
  });

  it('urges the department (督办) with the office’s words, and shows it in the history', async () => {
    const timer = { dueOn: '2026-12-14', workingDaysLeft: -1, overdue: true, doneAt: null, onTime: null };
    const api = show(itemOf({ status: 'handling', timer, abilities: { ...none, urge: true } }));
    const urged = itemOf({
      status: 'handling',
      timer,
      abilities: { ...none, urge: true },
      events: [
        {
          id: '0190f0a0-0000-7000-8000-0000000000e2',
          kind: 'urge',
          personName: '王主任',
          departmentName: '建设局',
          note: '办公室督办：办理期限 2026-12-14 已过，超期 1 个工作日。今天内联系群众',
          at: '2026-12-15T01:00:00.000Z',
        },
      ],
    });
    api.step('urge', urged);
    await userEvent.click(await screen.findByTestId('demand-urge'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('办理期限 2026-12-14');
    await userEvent.type(within(dialog).getByTestId('demand-step-note'), '今天内联系群众');
    await userEvent.click(within(dialog).getByTestId('demand-step-ok'));
    await waitFor(() => expect(api.calls('POST', `/api/demands/${ID}/urge`)).toHaveLength(1));
    expect(api.calls('POST', `/api/demands/${ID}/urge`)[0]!.body).toEqual({ note: '今天内联系群众' });
    const event = await screen.findByText('督办', { selector: '[data-testid="demand-event"][data-kind="urge"] strong' });
    expect(event).toBeTruthy();
  });

  it('merges this item into a similar one, after a confirmation', async () => {
    const api = show(itemOf({ abilities: { ...none, merge: true } }))
      .on('GET', `/api/demands/${ID}/similar`, () =>
        ok(DemandSimilarList, {
          items: [
            {
              id: OTHER,
              code: 'AAAA-BBBB-CCCC-D',
              title: '路灯坏了',
              status: 'accepted',
              createdAt: '2026-12-06T02:00:00.000Z',
              score: 0.82,
            },
          ],
        }),
      )
      .on('POST', `/api/demands/${ID}/merge`, () =>
        ok(DemandMergeResult, { id: ID, mergedIntoId: OTHER, version: 4, target: { id: OTHER, code: 'AAAA-BBBB-CCCC-D', version: 7 } }),
      );
    const similar = await screen.findByTestId('demand-similar-item');
    expect(similar.textContent).toContain('相似度 82%');
    await userEvent.click(within(similar).getByTestId('demand-merge'));
    const confirm = await screen.findByRole('tooltip');
    expect(confirm.textContent).toContain('将本件并入 AAAA-BBBB-CCCC-D');
    await userEvent.click(within(confirm).getByRole('button', { name: '并 单' }));
    await waitFor(() => expect(api.calls('POST', `/api/demands/${ID}/merge`)).toHaveLength(1));
    expect(api.calls('POST', `/api/demands/${ID}/merge`)[0]!.body).toEqual({ intoId: OTHER, version: 3 });
  });
});
