import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWorkingDays } from '../hooks.ts';

/** 共 N 个工作日 under the date range, counted by the server's calendar (holidays and 调休 included). */
export function WorkingDaysHint({ from, to }: { from?: string; to?: string }) {
  const { t } = useTranslation();
  const days = useWorkingDays(from, to);
  if (!from || !to) return null;
  if (to < from) return <Typography.Text type="danger">{t('task.datesOutOfOrder')}</Typography.Text>;
  if (days.data === undefined) return <Typography.Text type="secondary">{days.isFetching ? t('common.loading') : ''}</Typography.Text>;
  return (
    <Typography.Text type="secondary" data-testid="task-working-days">
      {t('task.workingDays', { count: days.data })}
    </Typography.Text>
  );
}
