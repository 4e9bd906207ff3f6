import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { Board, TaskStatus, type BoardItem } from '@qinlian/contracts';
import { renderWithApp } from '../../test/renderWithApp.tsx';
import { BoardColumns } from './BoardColumns.tsx';

const item = (id: string, status: BoardItem['status'], warning: BoardItem['warning']): BoardItem => ({
  id,
  code: `JC01-${id}`,
  title: `事项${id}`,
  status,
  warning,
  progress: 40,
  leadDepartmentName: '经济发展局',
  handlerName: '张三',
  leaderName: null,
  dueDate: '2026-12-31',
  workingDaysLeft: 5,
});

/** A board as the server sends it (checked against the contract): every status counted, drafts at 0. */
function boardOf(items: BoardItem[], byStatus: Partial<Record<TaskStatus, number>>) {
  const counts = Object.fromEntries(TaskStatus.options.map((s) => [s, byStatus[s] ?? 0]));
  return Board.parse({
    items,
    counts: { byStatus: counts, byWarning: { red: 1, yellow: 0, blue: 0, none: 2 } },
    total: items.length,
    truncated: false,
  });
}

const column = (status: string) => document.querySelector<HTMLElement>(`[data-testid="board-column"][data-status="${status}"]`);

describe('BoardColumns', () => {
  it('has no draft column, counts each status in its header, and narrows the empty ones', () => {
    const board = boardOf([item('1', 'assigned', 'none'), item('2', 'in_progress', 'red'), item('3', 'in_progress', 'none')], {
      assigned: 1,
      in_progress: 2,
    });
    renderWithApp(<BoardColumns board={board} />);

    expect(column('draft')).toBeNull();
    const inProgress = column('in_progress')!;
    expect(within(inProgress).getByTestId('board-column-count').textContent).toBe('2');
    // the reddest card first
    expect(
      within(inProgress)
        .getAllByTestId('board-card')
        .map((c) => c.dataset.warning),
    ).toEqual(['red', 'none']);
    expect(inProgress.dataset.collapsed).toBeUndefined();

    const accepted = column('accepted')!;
    expect(accepted.dataset.collapsed).toBe('true');
    expect(within(accepted).getByTestId('board-column-count').textContent).toBe('0');
    expect(within(accepted).queryAllByTestId('board-card')).toHaveLength(0);

    // the grid gives a full track to each filled status and a narrow one to each empty status, in the life cycle's order
    const tracks = screen.getByTestId('board-columns').style.gridTemplateColumns;
    const statuses = [...document.querySelectorAll<HTMLElement>('[data-testid="board-column"]')].map((c) => c.dataset.status);
    expect(statuses).toEqual(TaskStatus.options.filter((s) => s !== 'draft'));
    expect(tracks.match(/--board-col-min/g)).toHaveLength(2);
    expect(tracks.match(/--board-col-empty/g)).toHaveLength(statuses.length - 2);
  });
});
