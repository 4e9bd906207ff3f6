import { useRef } from 'react';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BoardItem, TaskStatus } from '@qinlian/contracts';
import { BoardCard } from './BoardCard.tsx';
import { useAutoScroll } from './useAutoScroll.ts';

type Props = { status: TaskStatus; items: BoardItem[]; count: number; dark: boolean };

/** One status: its count and its cards (on the wall, scrolling by itself when too long). */
export function BoardColumn({ status, items, count, dark }: Props) {
  const { t } = useTranslation();
  const body = useRef<HTMLDivElement>(null);
  useAutoScroll(body, dark);
  return (
    <section className="board-column" data-testid="board-column" data-status={status}>
      <header className="board-column-head">
        <span>{t(`task.statuses.${status}`)}</span>
        <span className="board-column-count">{count}</span>
      </header>
      <div className="board-column-body" ref={body}>
        {items.map((i) => (
          <BoardCard key={i.id} item={i} dark={dark} />
        ))}
        {items.length === 0 && !dark && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={false} style={{ margin: '12px 0' }} />}
      </div>
    </section>
  );
}
