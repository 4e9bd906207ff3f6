import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskStatus } from '@qinlian/contracts';

type Props = { days: number; status: TaskStatus; strong?: boolean };

/** Working days left: 剩 N 个工作日 / 今日到期 / 逾期 N 个工作日; nothing once closed. */
export function DaysLeft({ days, status, strong }: Props) {
  const { t } = useTranslation();
  if (status === 'closed') return <Typography.Text type="secondary">{t('task.daysLeft.closed')}</Typography.Text>;
  const text =
    days > 0 ? t('task.daysLeft.left', { n: days }) : days === 0 ? t('task.daysLeft.today') : t('task.daysLeft.overdue', { n: -days });
  const type = days < 0 ? 'danger' : days <= 2 ? 'warning' : undefined;
  return (
    <Typography.Text type={type} strong={strong || days <= 0} data-testid="task-days-left" style={{ whiteSpace: 'nowrap' }}>
      {text}
    </Typography.Text>
  );
}
