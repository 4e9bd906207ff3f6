import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { Timer } from '@qinlian/contracts';
import { renderWithApp } from '../../test/renderWithApp.tsx';
import { DeadlineTag } from './DeadlineTag.tsx';

const open = (over: Partial<Timer> = {}): Timer => ({
  dueOn: '2026-12-10',
  workingDaysLeft: 3,
  overdue: false,
  doneAt: null,
  onTime: null,
  ...over,
});

describe('the deadline of a timed item (限时办结)', () => {
  it('shows the due date and the working days left', () => {
    renderWithApp(<DeadlineTag timer={open()} />);
    const tag = screen.getByTestId('deadline-tag');
    expect(tag.textContent).toBe('截止 12月10日 · 剩3个工作日');
    expect(tag.dataset.state).toBe('left');
  });

  it('says so on the due day, and in red once past it', () => {
    const { unmount } = renderWithApp(<DeadlineTag timer={open({ workingDaysLeft: 0 })} />);
    expect(screen.getByTestId('deadline-tag').textContent).toBe('截止 12月10日 · 今日到期');
    unmount();
    renderWithApp(<DeadlineTag timer={open({ workingDaysLeft: -2, overdue: true })} />);
    const tag = screen.getByTestId('deadline-tag');
    expect(tag.textContent).toBe('截止 12月10日 · 逾期2个工作日');
    expect(tag.dataset.state).toBe('overdue');
    expect(tag.className).toContain('error');
  });

  it('tells a finished item done on time from one done late', () => {
    const { unmount } = renderWithApp(
      <DeadlineTag timer={open({ doneAt: '2026-12-08T02:00:00.000Z', onTime: true, workingDaysLeft: 2 })} />,
    );
    expect(screen.getByTestId('deadline-tag').textContent).toBe('已按期办结 · 截止 12月10日');
    unmount();
    renderWithApp(<DeadlineTag timer={open({ doneAt: '2026-12-14T02:00:00.000Z', onTime: false, overdue: true, workingDaysLeft: -2 })} />);
    expect(screen.getByTestId('deadline-tag').dataset.state).toBe('done-late');
    expect(screen.getByTestId('deadline-tag').className).toContain('error');
  });
});
