import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskListItem } from '@qinlian/contracts';

type Props = { task: Pick<TaskListItem, 'status' | 'closedLateDays'>; onTime?: boolean };

/**
 * 逾期办结 N 个工作日: a task closed after its original due date stays marked so, in lists and on its
 * page, instead of reading 正常 once closed. With `onTime`, a task closed in time says so too.
 */
export function ClosedLateTag({ task, onTime }: Props) {
  const { t } = useTranslation();
  if (task.status !== 'closed' || task.closedLateDays === null) return null;
  if (task.closedLateDays === 0)
    return onTime ? (
      <Tag color="success" data-testid="task-closed-late" data-days={0} style={{ marginInlineEnd: 0 }}>
        {t('taskFlow.closedLate.onTime')}
      </Tag>
    ) : null;
  return (
    <Tag color="magenta" data-testid="task-closed-late" data-days={task.closedLateDays} style={{ marginInlineEnd: 0 }}>
      {t('taskFlow.closedLate.late', { n: task.closedLateDays })}
    </Tag>
  );
}
