import { FlagFilled } from '@ant-design/icons';
import { Flex, Progress, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { Task } from '@qinlian/contracts';
import { formatDate } from '../../../components/time.ts';
import { DaysLeft } from '../DaysLeft.tsx';
import { StatusTag } from '../StatusTag.tsx';
import { WarningDot } from '../WarningDot.tsx';
import { WarningTag } from '../WarningTag.tsx';
import { WARNING_HEX } from '../labels.ts';

/** The task list's columns: colour dot and status tag on every row. */
export function taskColumns(t: TFunction): ColumnsType<Task> {
  return [
    {
      key: 'code', title: t('task.fields.code'), width: 118, fixed: 'left',
      render: (_: unknown, r) => (
        <Flex align="center" gap={6}>
          <WarningDot warning={r.warning} tooltip />
          <Typography.Text style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12.5 }}>{r.code}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'title', title: t('task.fields.title'), width: 320,
      render: (_: unknown, r) => (
        <div style={{ minWidth: 0 }}>
          <Link to={`/tasks/${r.id}`} className="task-title-link" data-testid="task-link">{r.title}</Link>
          {r.tagged && <Tooltip title={t('task.fields.tagged')}><FlagFilled style={{ color: '#c62828', marginInlineStart: 6 }} /></Tooltip>}
          <div className="task-sub">{r.programmeName} / {r.measureName}</div>
        </div>
      ),
    },
    { key: 'dept', dataIndex: 'leadDepartmentName', title: t('task.fields.leadDepartment'), width: 150, ellipsis: true },
    { key: 'handler', dataIndex: 'handlerName', title: t('task.fields.handler'), width: 100, render: (v: string | null) => v ?? '—' },
    { key: 'leader', dataIndex: 'leaderName', title: t('task.fields.leader'), width: 100, render: (v: string | null) => v ?? '—' },
    { key: 'due', dataIndex: 'dueDate', title: t('task.fields.dueDate'), width: 110, render: (v: string) => formatDate(v) },
    { key: 'daysLeft', title: t('task.fields.daysLeft'), width: 130, render: (_: unknown, r) => <DaysLeft days={r.workingDaysLeft} status={r.status} /> },
    {
      key: 'progress', title: t('task.fields.progress'), width: 130,
      render: (_: unknown, r) => (
        <Tooltip title={t('task.scheduleHint', { progress: r.progress, schedule: r.scheduleProgress })}>
          <Progress percent={r.progress} size="small" strokeColor={r.warning === 'none' ? undefined : WARNING_HEX[r.warning]} />
        </Tooltip>
      ),
    },
    { key: 'status', dataIndex: 'status', title: t('task.fields.status'), width: 96, render: (_: unknown, r) => <StatusTag status={r.status} /> },
    { key: 'warning', dataIndex: 'warning', title: t('task.fields.warning'), width: 104, fixed: 'right', render: (_: unknown, r) => <WarningTag warning={r.warning} /> },
  ];
}
