import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DepartmentList } from '@qinlian/contracts';
import { fakeApi, ok } from '../../../test/fakeApi.ts';
import { renderWithApp } from '../../../test/renderWithApp.tsx';
import { TaskDrawer } from './TaskDrawer.tsx';

/** The value an input holds, wherever antd put the test id (on the <input>, or on its wrapper). */
const inputOf = (testId: string) => {
  const el = screen.getByTestId(testId);
  return (el instanceof HTMLInputElement ? el : el.querySelector('input'))!;
};

/** Issue #12 item 10: a pasted 520-character title and a weight of 150 are refused with the limit, never cut or clamped. */
describe('TaskDrawer limits', () => {
  it('keeps a too-long title and an out-of-range weight as typed, says the limit, and sends nothing', async () => {
    const api = fakeApi().on('GET', '/api/departments', () => ok(DepartmentList, { items: [] }));
    renderWithApp(<TaskDrawer open task={null} onClose={() => undefined} onSaved={() => undefined} />);
    const title = inputOf('task-title-input');
    fireEvent.change(title, { target: { value: '督'.repeat(520) } });
    expect(title.value).toHaveLength(520); // not cut to 200
    expect(screen.getByText('520 / 200')).toBeTruthy(); // the count says how far over it is

    const weight = inputOf('task-weight-input');
    await userEvent.clear(weight);
    await userEvent.type(weight, '150');
    fireEvent.blur(weight);
    expect(weight.value).toBe('150'); // not clamped to 100

    await userEvent.click(screen.getByTestId('task-save'));
    expect(await screen.findByText('最多 200 个字符，请删减后再保存')).toBeTruthy();
    expect(await screen.findByText('应为 1–100 的整数')).toBeTruthy();
    await waitFor(() => expect(title.value).toHaveLength(520));
    expect(api.calls('POST', '/api/tasks')).toHaveLength(0);
  });
});
