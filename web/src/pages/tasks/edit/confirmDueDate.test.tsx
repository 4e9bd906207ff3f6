import { describe, expect, it } from 'vitest';
import { useState } from 'react';
import { App, Button } from 'antd';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useTranslation } from 'react-i18next';
import { renderWithApp } from '../../../test/renderWithApp.tsx';
import { confirmDueDate, dueDateProblem, type DueDateProblem } from './confirmDueDate.tsx';

const PLAN = { startDate: '2026-01-01', endDate: '2026-12-31' };

describe('dueDateProblem: the dates the server refuses unless back-filled', () => {
  it.each<[string, DueDateProblem | null]>([
    ['2026-03-02', null], // today
    ['2026-06-30', null],
    ['2026-02-27', { kind: 'past', date: '2026-02-27', today: '2026-03-02' }],
    ['2027-01-15', { kind: 'outside', date: '2027-01-15', start: '2026-01-01', end: '2026-12-31' }],
  ])('%s → %j', (date, problem) => {
    expect(dueDateProblem(date, '2026-03-02', PLAN)).toEqual(problem);
  });

  it('checks the period only when the plan is known', () => {
    expect(dueDateProblem('2027-01-15', '2026-03-02')).toBeNull();
  });
});

/** A button that asks as the task drawer does, and shows what was chosen. */
function Asker({ canBackfill }: { canBackfill: boolean }) {
  const { modal } = App.useApp();
  const { t } = useTranslation();
  const [answer, setAnswer] = useState('—');
  const ask = () =>
    void confirmDueDate(modal, t, { kind: 'past', date: '2026-02-27', today: '2026-03-02' }, canBackfill).then((b) => setAnswer(String(b)));
  return (
    <>
      <Button onClick={ask}>ask</Button>
      <output data-testid="answer">{answer}</output>
    </>
  );
}

describe('confirmDueDate: the console asks before a past or out-of-period due date', () => {
  it('offers the office the back-fill checkbox, and sends the flag only when ticked', async () => {
    renderWithApp(<Asker canBackfill />);
    await userEvent.click(screen.getByRole('button', { name: 'ask' }));
    expect((await screen.findByTestId('due-date-confirm')).textContent).toContain('完成时限 2026-02-27 早于今天（2026-03-02）。');
    await userEvent.click(screen.getByTestId('task-backfill-checkbox'));
    await userEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(screen.getByTestId('answer').textContent).toBe('true'));

    await userEvent.click(screen.getByRole('button', { name: 'ask' }));
    await screen.findAllByTestId('due-date-confirm');
    await userEvent.click(screen.getAllByRole('button', { name: '提交' }).at(-1)!);
    await waitFor(() => expect(screen.getByTestId('answer').textContent).toBe('false'));
  });

  it('tells anyone else that only the office back-fills, and goes back on 返回修改', async () => {
    renderWithApp(<Asker canBackfill={false} />);
    await userEvent.click(screen.getByRole('button', { name: 'ask' }));
    const dialog = await screen.findByTestId('due-date-confirm');
    expect(dialog.textContent).toContain('只有办公室可以补录');
    expect(screen.queryByTestId('task-backfill-checkbox')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: '返回修改' }));
    await waitFor(() => expect(screen.getByTestId('answer').textContent).toBe('null'));
  });
});
