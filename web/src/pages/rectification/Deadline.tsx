import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RectificationItem } from '@qinlian/contracts';
import { formatDate } from '../../components/time.ts';
import { DeadlineTag } from '../../domain/time-limits/DeadlineTag.tsx';

/** The item's deadline from its time-limits timer (red once overdue); a withdrawn item only names its date. */
export function Deadline({ item }: { item: Pick<RectificationItem, 'timer' | 'dueOn'> }) {
  const { t } = useTranslation();
  if (item.timer) return <DeadlineTag timer={item.timer} />;
  return (
    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
      {t('rectification.dueOn', { date: formatDate(item.dueOn) })}
    </Typography.Text>
  );
}
