import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardItem, TaskStatus } from '@qinlian/contracts';
import { BoardCard } from './BoardCard.tsx';
import { useAutoScroll } from './useAutoScroll.ts';

type Props = { status: TaskStatus; items: BoardItem[]; count: number; dark: boolean; collapsed: boolean };

/**
 * One status: its count and its cards (on the wall, scrolling by itself when too long). An empty
 * status is a narrow strip — its name written downwards under its 0 — so it takes no card's room.
 */
export function BoardColumn({ status, items, count, dark, collapsed }: Props) {
  const { t } = useTranslation();
  const body = useRef<HTMLDivElement>(null);
  useAutoScroll(body, dark && !collapsed);
  const name = t(`task.statuses.${status}`);
  return (
    <section
      className={`board-column ${collapsed ? 'board-column-collapsed' : ''}`}
      data-testid="board-column"
      data-status={status}
      data-collapsed={collapsed || undefined}
      title={collapsed ? `${name} ${count}` : undefined}
    >
      <header className="board-column-head">
        <span className="board-column-name">{name}</span>
        <span className="board-column-count" data-testid="board-column-count">
          {count}
        </span>
      </header>
      {!collapsed && (
        <div className="board-column-body" ref={body}>
          {items.map((i) => (
            <BoardCard key={i.id} item={i} dark={dark} />
          ))}
        </div>
      )}
    </section>
  );
}
