import { FlagFilled } from '@ant-design/icons';
import { Flex, Progress, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { TaskListItem } from '@qinlian/contracts';
import { formatDate } from '../../../components/time.ts';
import { DaysLeft } from '../../../domain/tasks/DaysLeft.tsx';
import { StatusTag } from '../../../domain/tasks/StatusTag.tsx';
import { WarningDot } from '../../../domain/tasks/WarningDot.tsx';
import { WarningTag } from '../../../domain/tasks/WarningTag.tsx';
import { WARNING_HEX } from '../../../domain/tasks/labels.ts';

/** The task list's columns: colour dot, status tag and colour tag on every row, days left beside the deadline. */
export function taskColumns(t: TFunction): ColumnsType<TaskListItem> {
  return [
    {
      key: 'code',
      title: t('task.fields.code'),
      width: 112,
      render: (_: unknown, r) => (
        <Flex align="center" gap={6}>
          <WarningDot warning={r.warning} tooltip />
          <Typography.Text style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12.5, whiteSpace: 'nowrap' }}>
            {r.code}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'title',
      title: t('task.fields.title'),
      render: (_: unknown, r) => (
        <div style={{ minWidth: 200 }}>
          <Link to={`/tasks/${r.id}`} className="task-title-link" data-testid="task-link">
            {r.title}
          </Link>
          {r.tagged && (
            <Tooltip title={t('task.fields.tagged')}>
              <FlagFilled style={{ color: '#c62828', marginInlineStart: 6 }} />
            </Tooltip>
          )}
          <div className="task-sub">
            {r.programmeName} / {r.measureName}
          </div>
        </div>
      ),
    },
    { key: 'status', title: t('task.fields.status'), width: 104, render: (_: unknown, r) => <StatusTag status={r.status} /> },
    { key: 'warning', title: t('task.fields.warning'), width: 104, render: (_: unknown, r) => <WarningTag warning={r.warning} /> },
    {
      key: 'due',
      title: t('task.fields.dueDate'),
      width: 130,
      render: (_: unknown, r) => (
        <div>
          <div>{formatDate(r.dueDate)}</div>
          <div style={{ fontSize: 12 }}>
            <DaysLeft days={r.workingDaysLeft} status={r.status} />
          </div>
        </div>
      ),
    },
    {
      key: 'dept',
      title: `${t('task.fields.leadDepartment')} / ${t('task.fields.handler')}`,
      width: 150,
      render: (_: unknown, r) => (
        <div style={{ minWidth: 0 }}>
          <Typography.Text ellipsis style={{ maxWidth: 140, display: 'block' }}>
            {r.leadDepartmentName}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.handlerName ?? '—'}
          </Typography.Text>
        </div>
      ),
    },
    { key: 'leader', dataIndex: 'leaderName', title: t('task.fields.leader'), width: 90, render: (v: string | null) => v ?? '—' },
    {
      key: 'progress',
      title: t('task.fields.progress'),
      width: 120,
      render: (_: unknown, r) => (
        <Tooltip title={t('task.scheduleHint', { progress: r.progress, schedule: r.scheduleProgress })}>
          <Progress percent={r.progress} size="small" strokeColor={r.warning === 'none' ? undefined : WARNING_HEX[r.warning]} />
        </Tooltip>
      ),
    },
  ];
}
