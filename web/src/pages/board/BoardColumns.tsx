import type { CSSProperties } from 'react';
import type { Board, BoardItem, TaskStatus } from '@qinlian/contracts';
import { STATUSES } from '../../domain/tasks/labels.ts';
import { BoardColumn } from './BoardColumn.tsx';

const RANK = { red: 0, yellow: 1, blue: 2, none: 3 } as const;

/** The states a tagged item is fought through: a draft is not on the board until it is assigned (the server leaves drafts out too). */
export const BOARD_STATUSES: readonly TaskStatus[] = STATUSES.filter((s) => s !== 'draft');

type Column = { status: TaskStatus; items: BoardItem[]; count: number };

/** Columns by status, the reddest cards on top; a column with nothing in it shrinks to a narrow strip that still shows its 0. */
export function BoardColumns({ board, dark = false }: { board: Board; dark?: boolean }) {
  const columns: Column[] = BOARD_STATUSES.map((status) => {
    const items = board.items
      .filter((i) => i.status === status)
      .sort((a, b) => RANK[a.warning] - RANK[b.warning] || a.workingDaysLeft - b.workingDaysLeft);
    return { status, items, count: board.counts.byStatus[status] ?? items.length };
  });
  const filled = (c: Column) => c.count > 0 || c.items.length > 0;
  // widths live in styles.css (--board-col-min, --board-col-empty) so phones and the wall set their own
  const style: CSSProperties = {
    gridTemplateColumns: columns.map((c) => (filled(c) ? 'minmax(var(--board-col-min), 1fr)' : 'var(--board-col-empty)')).join(' '),
  };
  return (
    <div className={`board-columns ${dark ? 'board-columns-dark' : ''}`} style={style} data-testid="board-columns">
      {columns.map((c) => (
        <BoardColumn key={c.status} status={c.status} items={c.items} count={c.count} dark={dark} collapsed={!filled(c)} />
      ))}
    </div>
  );
}
