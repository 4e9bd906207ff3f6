import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EvidenceFile, Task, TASK_STEP_NEEDS, TASK_STEPS_WITH_EVIDENCE, TaskAction, type TaskStatus } from '@qinlian/contracts';
import { fails, fakeApi, ok } from '../../../test/fakeApi.ts';
import { renderWithApp } from '../../../test/renderWithApp.tsx';
import { ActionDialog } from './ActionDialog.tsx';
import type { DialogAction } from '../actions.ts';
import { TASK_ID, taskOf } from './taskFixture.ts';

function openDialog(action: DialogAction, status: TaskStatus = 'in_progress') {
  const onClose = vi.fn();
  renderWithApp(<ActionDialog task={taskOf(status)} action={action} onClose={onClose} />);
  return { onClose, dialog: screen.getByTestId('action-dialog') };
}

/** The form item (label, input, its messages) around an element of the dialog. */
const itemOf = (el: HTMLElement) => el.closest<HTMLElement>('.ant-form-item')!;

const submit = () => userEvent.click(screen.getByTestId('action-submit'));

describe('ActionDialog asks for what the contract says each step needs', () => {
  it.each(TaskAction.options)('%s', async (action) => {
    const needs = TASK_STEP_NEEDS[action];
    const api = fakeApi().on('POST', `/api/tasks/${TASK_ID}/transition`, () => ok(Task, taskOf('in_progress')));
    const { dialog } = openDialog(action);
    expect(dialog.dataset.action).toBe(action);

    expect(within(dialog).queryByTestId('action-percent-input') !== null).toBe(!!needs.percent);
    expect(within(dialog).queryByTestId('action-file-input') !== null).toBe(TASK_STEPS_WITH_EVIDENCE.includes(action));
    if (needs.evidence) expect(itemOf(screen.getByTestId('action-file-input')).querySelector('.ant-form-item-required')).not.toBeNull();

    // an empty comment: refused in the dialog where the step needs one, sent where it does not
    await submit();
    if (needs.comment) {
      expect(await within(itemOf(screen.getByTestId('action-comment-input'))).findByText(/^请填写/)).toBeTruthy();
      expect(api.calls('POST', `/api/tasks/${TASK_ID}/transition`)).toHaveLength(0);
    } else {
      await waitFor(() => expect(api.calls('POST', `/api/tasks/${TASK_ID}/transition`)).toHaveLength(1));
      const [sent] = api.calls('POST', `/api/tasks/${TASK_ID}/transition`);
      expect(sent!.body).toMatchObject({ action, version: 7 });
      expect((sent!.body as { comment?: string }).comment).toBeUndefined();
      if (needs.percent) expect(sent!.body).toMatchObject({ percent: 30 });
    }
  });

  it.each(['urge', 'instruct'] as const)('%s needs its text', async (action) => {
    const api = fakeApi();
    openDialog(action);
    expect(screen.queryByTestId('action-percent-input')).toBeNull();
    expect(screen.queryByTestId('action-file-input')).toBeNull();
    await submit();
    expect(await within(itemOf(screen.getByTestId('action-comment-input'))).findByText(/^请填写/)).toBeTruthy();
    expect(api.requests).toHaveLength(0);
  });
});

describe('ActionDialog shows the server’s answer', () => {
  it('a close-out request without evidence stays open with the server’s reason beside the evidence field', async () => {
    const api = fakeApi().on('POST', `/api/tasks/${TASK_ID}/transition`, () =>
      fails(400, 'evidence_required', '申请销号须附佐证材料', [{ path: 'body.fileIds', message: 'evidence_required' }]),
    );
    const { onClose } = openDialog('request_close');
    await userEvent.type(screen.getByTestId('action-comment-input'), '台账已建立并运行，申请销号。');
    await submit();

    const evidence = itemOf(screen.getByTestId('action-file-input'));
    expect(await within(evidence).findByText('申请销号须附佐证材料')).toBeTruthy();
    expect(api.calls('POST', `/api/tasks/${TASK_ID}/transition`)[0]!.body).toMatchObject({ action: 'request_close', fileIds: [] });
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByTestId('action-dialog').dataset.action).toBe('request_close');
  });

  it('with a file attached the request carries it and the dialog closes', async () => {
    const file = EvidenceFile.parse({
      id: '0190f0a0-0000-7000-8000-0000000000f1',
      name: '纪要.png',
      size: 2048,
      mime: 'image/png',
      url: '/api/files/f1',
    });
    const api = fakeApi()
      .on('POST', '/api/files', () => ok(EvidenceFile, file))
      .on('POST', `/api/tasks/${TASK_ID}/transition`, () => ok(Task, taskOf('close_requested')));
    const { onClose } = openDialog('request_close');
    await userEvent.upload(screen.getByTestId('action-file-input'), new File(['png'], '纪要.png', { type: 'image/png' }));
    expect(await within(screen.getByTestId('action-file-list')).findByText('纪要.png')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>('action-submit').disabled).toBe(false));
    await submit();

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.calls('POST', `/api/tasks/${TASK_ID}/transition`)[0]!.body).toMatchObject({ action: 'request_close', fileIds: [file.id] });
  });

  it('a field error on the comment appears under the comment', async () => {
    fakeApi().on('POST', `/api/tasks/${TASK_ID}/transition`, () =>
      fails(400, 'validation', '请求参数有误', [{ path: 'body.comment', message: '理由至少写清一件事' }]),
    );
    const { onClose } = openDialog('refuse', 'assigned');
    await userEvent.type(screen.getByTestId('action-comment-input'), '不是');
    await submit();
    expect(await within(itemOf(screen.getByTestId('action-comment-input'))).findByText('理由至少写清一件事')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('an urging’s `message` error is the dialog’s comment', async () => {
    fakeApi().on('POST', `/api/tasks/${TASK_ID}/urge`, () =>
      fails(400, 'validation', '请求参数有误', [{ path: 'body.message', message: '催办内容过长' }]),
    );
    openDialog('urge');
    await userEvent.type(screen.getByTestId('action-comment-input'), '请于本周内报送进展');
    await submit();
    expect(await within(itemOf(screen.getByTestId('action-comment-input'))).findByText('催办内容过长')).toBeTruthy();
    expect(screen.queryByTestId('form-errors')).toBeNull();
  });

  it('a step no longer allowed names the steps that are', async () => {
    fakeApi().on('POST', `/api/tasks/${TASK_ID}/transition`, () => ({
      status: 409,
      body: { error: { code: 'illegal_transition', message: '任务当前为“已销号”，不能“签收”', allowed: ['reopen'] } },
    }));
    openDialog('accept', 'assigned');
    await submit();
    const error = await screen.findByTestId('action-error');
    expect(within(error).getByText('任务当前为“已销号”，不能“签收”')).toBeTruthy();
    expect(within(error).getByText('重新打开')).toBeTruthy();
  });
});
