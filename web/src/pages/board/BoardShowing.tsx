import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Board } from '@qinlian/contracts';

/** "Showing the 200 most urgent of 2,542" when the board holds fewer cards than tagged items (its counts cover them all). */
export function BoardShowing({ board, dark = false }: { board: Board; dark?: boolean }) {
  const { t, i18n } = useTranslation();
  if (!board.truncated) return null;
  const n = new Intl.NumberFormat(i18n.language);
  const text = t('board.showing', { shown: n.format(board.items.length), total: n.format(board.total) });
  if (dark) return <span data-testid="board-truncated">{text}</span>;
  return (
    <Typography.Text type="secondary" data-testid="board-truncated">
      {text}
    </Typography.Text>
  );
}
