import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PeoplePage, Task, type TaskAction } from '@qinlian/contracts';
import { fails, fakeApi, ok } from '../../../test/fakeApi.ts';
import { personOf } from '../../../test/fixtures.ts';
import { renderWithApp } from '../../../test/renderWithApp.tsx';
import { ClosedLateTag } from '../ClosedLateTag.tsx';
import { CooperationCard } from './CooperationCard.tsx';
import { DispatchDialog } from './DispatchDialog.tsx';
import { ExtensionDecisionDialog } from './ExtensionDecisionDialog.tsx';
import { TaskActionBar } from './TaskActionBar.tsx';
import { LEAD_ID, TASK_ID, taskOf } from './taskFixture.ts';

const COOP_ID = '0190f0a0-0000-7000-8000-0000000000c1';
const none = Object.fromEntries(
  (
    ['assign', 'accept', 'refuse', 'report', 'request_close', 'approve', 'send_back', 'close', 'return', 'reopen'] satisfies TaskAction[]
  ).map((a) => [a, false]),
) as Record<TaskAction, boolean>;
const nothingElse = {
  edit: false,
  urge: false,
  instruct: false,
  grade: false,
  milestones: false,
  dispatch: false,
  request_extension: false,
  decide_extension: false,
  review_setting: false,
};

describe('the action bar shows the department’s own steps only when the server allows them', () => {
  it.each<[string, Partial<typeof nothingElse & Record<TaskAction, boolean>>, string[]]>([
    ['the head of a task under review', { approve: true, send_back: true, request_extension: true }, ['审核通过', '部门退回', '申请延期']],
    ['the head of an assigned task', { accept: true, refuse: true, dispatch: true }, ['签收', '拒收', '分办']],
    ['the office with an extension waiting', { urge: true, decide_extension: true }, ['延期审批', '催办']],
    ['a reader', {}, []],
  ])('%s', (_, abilities, names) => {
    const onAction = vi.fn();
    renderWithApp(
      <TaskActionBar
        task={taskOf('in_progress', 30, { abilities: { ...none, ...nothingElse, ...abilities } })}
        onAction={onAction}
        onEdit={() => {}}
        refreshing={false}
      />,
    );
    const bar = screen.getByTestId('task-actions');
    expect(
      within(bar)
        .queryAllByRole('button')
        .map((b) => b.textContent?.replace(/\s/g, '')),
    ).toEqual(names);
    if (names.length) {
      fireEvent.click(within(bar).getByRole('button', { name: names[0] }));
      expect(onAction).toHaveBeenCalledTimes(1);
    }
  });
});

describe('DispatchDialog (分办)', () => {
  const person = personOf({ id: '0190f0a0-0000-7000-8000-0000000000p9', name: '赵六', departmentId: LEAD_ID, title: null });

  it('sends the chosen person of the lead department with the task’s version, and shows what the server refuses', async () => {
    let attempts = 0;
    const api = fakeApi()
      .on('GET', '/api/posts', () => ({ body: { items: [] } }))
      .on('GET', '/api/people', () => ok(PeoplePage, { items: [person], total: 1, page: 1, pageSize: 30 }))
      .on('POST', `/api/tasks/${TASK_ID}/dispatch`, () =>
        ++attempts === 1
          ? fails(409, 'version_conflict', '该记录已被他人修改，请刷新后重试')
          : ok(Task, taskOf('assigned', 0, { handlerPersonId: person.id, handlerName: '赵六' })),
      );
    const onClose = vi.fn();
    renderWithApp(<DispatchDialog task={taskOf('assigned', 0)} open onClose={onClose} />);
    await userEvent.click(within(screen.getByTestId('dispatch-to')).getByText('人员'));
    fireEvent.mouseDown(within(screen.getByTestId('dispatch-person-select')).getByRole('combobox'));
    await userEvent.click(await screen.findByTitle('赵六 · 党政办公室'));
    await userEvent.type(screen.getByTestId('dispatch-note-input'), '请牵头落实');

    await userEvent.click(screen.getByRole('button', { name: '分办' }));
    expect(await screen.findByText('该记录已被他人修改，请刷新后重试')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
    await userEvent.click(screen.getByTestId('dispatch-submit'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.calls('POST', `/api/tasks/${TASK_ID}/dispatch`).at(-1)!.body).toEqual({
      version: 7,
      personId: person.id,
      note: '请牵头落实',
    });
    // the picker asks for the lead department's own people only
    expect(api.lastQuery('/api/people')).toMatchObject({ departmentId: LEAD_ID, subtree: 'false' });
  });

  it('asks for a post or a person before sending anything', async () => {
    const api = fakeApi().on('GET', '/api/posts', () => ({ body: { items: [] } }));
    renderWithApp(<DispatchDialog task={taskOf('assigned', 0)} open onClose={() => {}} />);
    await userEvent.click(screen.getByTestId('dispatch-submit'));
    expect(await screen.findByText('请选择岗位或人员')).toBeTruthy();
    expect(api.calls('POST', `/api/tasks/${TASK_ID}/dispatch`)).toHaveLength(0);
  });
});

describe('ExtensionDecisionDialog (延期审批)', () => {
  const waiting = taskOf('in_progress', 40, {
    extensions: [
      {
        id: '0190f0a0-0000-7000-8000-0000000000e1',
        previousDueDate: '2026-06-30',
        requestedDueDate: '2026-07-31',
        reason: '需协调第三方检测机构',
        status: 'pending',
        requestedByName: '张三',
        requestedAt: '2026-05-06T02:00:00.000Z',
        decidedByName: null,
        decidedAt: null,
        decisionComment: '',
      },
    ],
  });

  it('shows the request, refuses only with a reason, and grants with the task’s version', async () => {
    const api = fakeApi().on('POST', `/api/tasks/${TASK_ID}/extensions/decision`, () =>
      ok(Task, taskOf('in_progress', 40, { dueDate: '2026-07-31', originalDueDate: '2026-06-30' })),
    );
    const onClose = vi.fn();
    renderWithApp(<ExtensionDecisionDialog task={waiting} open onClose={onClose} />);
    const request = screen.getByTestId('extension-pending');
    expect(request.textContent).toContain('张三 申请将完成时限由 2026-06-30 延至 2026-07-31');
    expect(request.textContent).toContain('需协调第三方检测机构');

    await userEvent.click(screen.getByRole('button', { name: '不同意' }));
    expect(await screen.findByText('不同意延期须说明理由')).toBeTruthy();
    expect(api.calls('POST', `/api/tasks/${TASK_ID}/extensions/decision`)).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: '同意延期' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.calls('POST', `/api/tasks/${TASK_ID}/extensions/decision`)[0]!.body).toEqual({ version: 7, grant: true, comment: '' });
  });
});

describe('CooperationCard (协办子项)', () => {
  const share = (report: boolean) => ({
    departmentId: COOP_ID,
    departmentName: '财政金融局',
    progress: 20,
    reportText: '已完成摸底',
    reportedAt: '2026-04-01T02:00:00.000Z',
    reportedByName: '李四',
    abilities: { report },
  });

  it('shows each sub-item’s progress, and lets its own department report on it', async () => {
    const api = fakeApi().on('POST', `/api/tasks/${TASK_ID}/cooperation/${COOP_ID}/report`, () =>
      ok(Task, taskOf('in_progress', 45, { cooperation: [{ ...share(true), progress: 60 }] })),
    );
    renderWithApp(<CooperationCard task={taskOf('in_progress', 40, { cooperation: [share(true)] })} />);
    const item = screen.getByTestId('task-share');
    expect(item.textContent).toContain('财政金融局');
    expect(item.textContent).toContain('已完成摸底');
    await userEvent.click(within(item).getByRole('button', { name: '报送协办进展' }));
    const dialog = await screen.findByTestId('share-dialog');
    await userEvent.clear(within(dialog).getByTestId('share-percent-input'));
    await userEvent.type(within(dialog).getByTestId('share-percent-input'), '60');
    await userEvent.type(within(dialog).getByTestId('share-comment-input'), '现场核查完成');
    await userEvent.click(screen.getByTestId('share-submit'));
    await waitFor(() => expect(api.calls('POST', `/api/tasks/${TASK_ID}/cooperation/${COOP_ID}/report`)).toHaveLength(1));
    expect(api.calls('POST', `/api/tasks/${TASK_ID}/cooperation/${COOP_ID}/report`)[0]!.body).toEqual({
      version: 7,
      percent: 60,
      comment: '现场核查完成',
    });
  });

  it('offers no report button to anyone else, and nothing without cooperating departments', () => {
    const { unmount } = renderWithApp(<CooperationCard task={taskOf('in_progress', 40, { cooperation: [share(false)] })} />);
    expect(screen.getByTestId('task-share')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '报送协办进展' })).toBeNull();
    unmount();
    renderWithApp(<CooperationCard task={taskOf('in_progress', 40)} />);
    expect(screen.queryByTestId('task-cooperation')).toBeNull();
  });
});

describe('ClosedLateTag (逾期办结)', () => {
  it.each<[number | null, 'closed' | 'in_progress', boolean, string | null]>([
    [4, 'closed', false, '逾期办结 4 个工作日'],
    [0, 'closed', true, '按期办结'],
    [0, 'closed', false, null],
    [null, 'closed', true, null], // closed before the days were kept
    [null, 'in_progress', true, null],
  ])('%s days, %s, on time shown: %s → %s', (days, status, onTime, text) => {
    renderWithApp(<ClosedLateTag task={{ status, closedLateDays: days }} onTime={onTime} />);
    expect(screen.queryByTestId('task-closed-late')?.textContent ?? null).toBe(text);
  });
});
