import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Board } from '@qinlian/contracts';
import { STATUSES } from '../tasks/labels.ts';
import { BoardCard } from './BoardCard.tsx';

const RANK = { red: 0, yellow: 1, blue: 2, none: 3 } as const;

/** Columns by status, the reddest cards on top. */
export function BoardColumns({ board, dark = false }: { board: Board; dark?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={`board-columns ${dark ? 'board-columns-dark' : ''}`} data-testid="board-columns">
      {STATUSES.map((s) => {
        const items = board.items.filter((i) => i.status === s).sort((a, b) => RANK[a.warning] - RANK[b.warning] || a.workingDaysLeft - b.workingDaysLeft);
        return (
          <section key={s} className="board-column" data-testid="board-column" data-status={s}>
            <header className="board-column-head">
              <span>{t(`task.statuses.${s}`)}</span>
              <span className="board-column-count">{board.counts.byStatus[s] ?? items.length}</span>
            </header>
            <div className="board-column-body">
              {items.map((i) => <BoardCard key={i.id} item={i} dark={dark} />)}
              {items.length === 0 && !dark && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={false} style={{ margin: '12px 0' }} />}
            </div>
          </section>
        );
      })}
    </div>
  );
}
