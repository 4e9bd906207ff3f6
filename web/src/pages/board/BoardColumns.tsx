import type { Board } from '@qinlian/contracts';
import { STATUSES } from '../../domain/tasks/labels.ts';
import { BoardColumn } from './BoardColumn.tsx';

const RANK = { red: 0, yellow: 1, blue: 2, none: 3 } as const;

/** Columns by status, the reddest cards on top. */
export function BoardColumns({ board, dark = false }: { board: Board; dark?: boolean }) {
  return (
    <div className={`board-columns ${dark ? 'board-columns-dark' : ''}`} data-testid="board-columns">
      {STATUSES.map((s) => {
        const items = board.items
          .filter((i) => i.status === s)
          .sort((a, b) => RANK[a.warning] - RANK[b.warning] || a.workingDaysLeft - b.workingDaysLeft);
        return <BoardColumn key={s} status={s} items={items} count={board.counts.byStatus[s] ?? items.length} dark={dark} />;
      })}
    </div>
  );
}
