import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { Rectification } from '@qinlian/contracts';
import { fakeApi, ok } from '../../test/fakeApi.ts';
import { renderWithApp } from '../../test/renderWithApp.tsx';
import { RectificationPage } from './RectificationPage.tsx';

const ID = '0190f0a0-0000-7000-8000-0000000000r1';
const none = { assign: false, submit: false, verify: false, return: false, revisit: false };

const itemOf = (over: Partial<Rectification> = {}): Rectification =>
  Rectification.parse({
    id: ID,
    code: 'ZG-2026-0007',
    source: 'bad_review',
    sourceId: '0190f0a0-0000-7000-8000-0000000000s1',
    departmentId: '0190f0a0-0000-7000-8000-0000000000d1',
    departmentName: '政务服务中心',
    personId: null,
    personName: null,
    ownerPersonId: '0190f0a0-0000-7000-8000-0000000000p1',
    ownerName: '李敏',
    title: '<script>alert(1)</script>窗口推诿',
    status: 'open',
    revisited: false,
    createdAt: '2026-12-07T01:00:00.000Z',
    dueOn: '2026-12-14',
    workingDaysLeft: 5,
    overdue: false,
    timer: { dueOn: '2026-12-14', workingDaysLeft: 5, overdue: false, doneAt: null, onTime: null },
    version: 1,
    abilities: none,
    detail: '<b>群众意见</b>：等了两个小时',
    resolution: null,
    resolutionNote: null,
    attachmentRef: null,
    submittedAt: null,
    closedAt: null,
    onTime: null,
    events: [
      {
        id: '0190f0a0-0000-7000-8000-0000000000e1',
        action: 'open',
        actorName: '系统',
        note: null,
        attachmentRef: null,
        ownerName: null,
        at: '2026-12-07T01:00:00.000Z',
      },
    ],
    revisits: [],
    ownerCandidates: [],
    ...over,
  });

const show = (item: Rectification) => {
  const api = fakeApi().on('GET', `/api/rectifications/${ID}`, () => ok(Rectification, item));
  renderWithApp(
    <Routes>
      <Route path="/rectifications/:id" element={<RectificationPage />} />
    </Routes>,
    { path: `/rectifications/${ID}` },
  );
  return api;
};

/** The item's page: the steps the server allows and no others; the public's and the department's words stay text. */
describe('a rectification item’s page', () => {
  it('shows markup as the text it is, and no step to a reader', async () => {
    show(itemOf());
    const title = await screen.findByTestId('rectification-title');
    expect(title.textContent).toBe('<script>alert(1)</script>窗口推诿');
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByText('<b>群众意见</b>：等了两个小时')).toBeTruthy();
    expect(screen.queryByTestId('rectification-submit')).toBeNull();
    expect(screen.getByTestId('deadline-tag').textContent).toContain('剩5个工作日');
  });

  it('lets the owner submit an answer with the version it read', async () => {
    const api = show(itemOf({ abilities: { ...none, submit: true, assign: true } }));
    api.on('POST', `/api/rectifications/${ID}/submit`, () => ok(Rectification, itemOf({ status: 'submitted', version: 2 })));
    await screen.findByTestId('rectification-title');
    expect(screen.getByTestId('rectification-assign')).toBeTruthy();
    await userEvent.click(screen.getByTestId('rectification-submit'));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByTestId('rectification-note'), '已增设引导员');
    await userEvent.type(within(dialog).getByTestId('rectification-attachment'), '台账第3页');
    await userEvent.click(within(dialog).getByTestId('rectification-step-ok'));
    await waitFor(() => expect(api.calls('POST', `/api/rectifications/${ID}/submit`)).toHaveLength(1));
    expect(api.calls('POST', `/api/rectifications/${ID}/submit`)[0]!.body).toEqual({
      resolution: 'fixed',
      note: '已增设引导员',
      attachmentRef: '台账第3页',
      version: 1,
    });
  });
});
