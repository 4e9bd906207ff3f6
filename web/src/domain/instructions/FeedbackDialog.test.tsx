import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Instruction } from '@qinlian/contracts';
import { fails, fakeApi, ok } from '../../test/fakeApi.ts';
import { renderWithApp } from '../../test/renderWithApp.tsx';
import { FeedbackDialog } from './FeedbackDialog.tsx';

const given = Instruction.parse({
  id: '0190f0a0-0000-7000-8000-000000000101',
  taskId: null,
  taskCode: null,
  taskTitle: null,
  departmentId: '0190f0a0-0000-7000-8000-000000000102',
  departmentName: '经济发展局',
  text: '请梳理重大项目投资进度',
  leaderName: '李明远',
  createdAt: '2026-03-02T01:00:00.000Z',
  state: 'awaiting',
  feedbackDueDate: '2026-03-10',
  overdue: false,
  feedback: null,
  version: 3,
  abilities: { feedback: true },
});

describe('落实反馈 dialog', () => {
  it('sends the text, the evidence reference and the version it was shown, then closes', async () => {
    const api = fakeApi().on('POST', `/api/instructions/${given.id}/feedback`, () =>
      ok(Instruction, {
        ...given,
        state: 'answered',
        version: 4,
        feedback: { text: '已建立台账', evidenceRef: '经发〔2026〕3号', byName: '王伟', at: '2026-03-05T02:00:00.000Z', late: false },
        abilities: { feedback: false },
      }),
    );
    const onClose = vi.fn();
    renderWithApp(<FeedbackDialog instruction={given} onClose={onClose} />);
    expect(screen.getByText(/请梳理重大项目投资进度/)).toBeTruthy();
    await userEvent.type(screen.getByTestId('feedback-text'), '已建立台账');
    await userEvent.type(screen.getByTestId('feedback-evidence'), '经发〔2026〕3号');
    await userEvent.click(screen.getByTestId('feedback-submit'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.calls('POST', `/api/instructions/${given.id}/feedback`)[0]!.body).toEqual({
      text: '已建立台账',
      evidenceRef: '经发〔2026〕3号',
      version: 3,
    });
  });

  it('asks for the text before sending anything, and shows what the server refused', async () => {
    const api = fakeApi().on('POST', `/api/instructions/${given.id}/feedback`, () =>
      fails(409, 'instruction_not_awaiting', '这条批示已反馈，不能再提交落实反馈'),
    );
    const onClose = vi.fn();
    renderWithApp(<FeedbackDialog instruction={given} onClose={onClose} />);
    await userEvent.click(screen.getByTestId('feedback-submit'));
    expect(await screen.findByText('请填写落实情况')).toBeTruthy();
    expect(api.calls('POST', `/api/instructions/${given.id}/feedback`)).toHaveLength(0);
    await userEvent.type(screen.getByTestId('feedback-text'), '已办');
    await userEvent.click(screen.getByTestId('feedback-submit'));
    expect(await screen.findByText('这条批示已反馈，不能再提交落实反馈')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });
});
