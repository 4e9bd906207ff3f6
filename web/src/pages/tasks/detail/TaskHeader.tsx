import { FlagFilled } from '@ant-design/icons';
import { Card, Flex, Progress, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Task } from '@qinlian/contracts';
import { formatDate } from '../../../components/time.ts';
import { DaysLeft } from '../../../domain/tasks/DaysLeft.tsx';
import { StatusTag } from '../../../domain/tasks/StatusTag.tsx';
import { WarningTag } from '../../../domain/tasks/WarningTag.tsx';
import { WARNING_HEX } from '../../../domain/tasks/labels.ts';
import type { PageAction } from '../actions.ts';
import { TaskActionBar } from './TaskActionBar.tsx';
import { ClosedLateTag } from '../ClosedLateTag.tsx';

type Props = { task: Task; onAction: (a: PageAction) => void; onEdit: () => void; refreshing: boolean };

/** Code, title, status, colour, progress, days left, tagged — then what this reader may do. */
export function TaskHeader({ task, onAction, onEdit, refreshing }: Props) {
  const { t } = useTranslation();
  const colour = task.warning === 'none' ? undefined : WARNING_HEX[task.warning];
  return (
    <Card
      className={`task-header task-header-${task.warning}`}
      style={{ marginBottom: 16 }}
      data-testid="task-header"
      data-task-id={task.id}
    >
      <Flex justify="space-between" gap={24} wrap>
        <div style={{ minWidth: 0, flex: '1 1 420px' }}>
          <Space size={8} wrap style={{ marginBottom: 6 }}>
            <Typography.Text code data-testid="task-code">
              {task.code}
            </Typography.Text>
            <StatusTag status={task.status} />
            {task.status === 'closed' && task.closedLateDays !== null ? (
              <ClosedLateTag task={task} onTime />
            ) : (
              <WarningTag warning={task.warning} />
            )}
            {task.tagged && (
              <Tag icon={<FlagFilled />} color="volcano" data-testid="task-tagged">
                {t('task.fields.tagged')}
              </Tag>
            )}
          </Space>
          <Typography.Title level={4} style={{ margin: '2px 0 4px' }} data-testid="task-title">
            {task.title}
          </Typography.Title>
          <Typography.Text type="secondary">
            {task.programmeName} / {task.measureName} · {task.leadDepartmentName} · {formatDate(task.startDate)} ~{' '}
            {formatDate(task.dueDate)}
          </Typography.Text>
        </div>
        <Flex gap={28} align="center" wrap>
          <Tooltip title={t('task.scheduleHint', { progress: task.progress, schedule: task.scheduleProgress })}>
            <Progress
              type="circle"
              size={76}
              percent={task.progress}
              strokeColor={colour}
              format={(p) => <span data-testid="task-progress">{p}%</span>}
            />
          </Tooltip>
          <Statistic title={t('task.fields.schedule')} value={task.scheduleProgress} suffix="%" />
          <div>
            <div className="stat-label">{t('task.fields.daysLeft')}</div>
            <div style={{ fontSize: 18, marginTop: 4 }}>
              <DaysLeft days={task.workingDaysLeft} status={task.status} strong />
            </div>
          </div>
        </Flex>
      </Flex>
      <TaskActionBar task={task} onAction={onAction} onEdit={onEdit} refreshing={refreshing} />
    </Card>
  );
}
