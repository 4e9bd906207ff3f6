import { FlagFilled } from '@ant-design/icons';
import { Flex, Progress, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { TaskListItem } from '@qinlian/contracts';
import { BRAND_PRIMARY } from '../../../app/theme.ts';
import { formatDate } from '../../../components/time.ts';
import { DaysLeft } from '../../../domain/tasks/DaysLeft.tsx';
import { StatusTag } from '../../../domain/tasks/StatusTag.tsx';
import { WarningDot } from '../../../domain/tasks/WarningDot.tsx';
import { WarningTag } from '../../../domain/tasks/WarningTag.tsx';
import { WARNING_HEX } from '../../../domain/tasks/labels.ts';
import { ActingForTag } from '../ActingForTag.tsx';
import { ClosedLateTag } from '../ClosedLateTag.tsx';

/**
 * The task list's columns: colour dot, status tag and colour tag on every row, days left beside the
 * deadline. On a phone (`phone`) two columns fit: the title with its dot, code and status above it,
 * and the deadline; the rest is on the task's page.
 */
export function taskColumns(t: TFunction, phone = false): ColumnsType<TaskListItem> {
  return [
    {
      key: 'code',
      title: t('task.fields.code'),
      hidden: phone,
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
        <div style={{ minWidth: phone ? 0 : 200 }}>
          {phone && (
            <Flex align="center" gap={6} wrap className="task-sub-top">
              <WarningDot warning={r.warning} />
              <span className="board-card-code">{r.code}</span>
              <StatusTag status={r.status} />
            </Flex>
          )}
          <Link to={`/tasks/${r.id}`} className="task-title-link" data-testid="task-link">
            {r.title}
          </Link>
          {r.tagged && (
            <Tooltip title={t('task.fields.tagged')}>
              <FlagFilled style={{ color: BRAND_PRIMARY, marginInlineStart: 6 }} />
            </Tooltip>
          )}
          <div className="task-sub">
            {r.programmeName} / {r.measureName}
          </div>
          <ActingForTag task={r} />
        </div>
      ),
    },
    {
      key: 'status',
      title: t('task.fields.status'),
      hidden: phone,
      width: 104,
      render: (_: unknown, r) => <StatusTag status={r.status} />,
    },
    {
      key: 'warning',
      title: t('task.fields.warning'),
      hidden: phone,
      width: 104,
      // a task closed late stays marked so (逾期办结), it does not read 正常
      render: (_: unknown, r) => (r.closedLateDays ? <ClosedLateTag task={r} /> : <WarningTag warning={r.warning} />),
    },
    {
      key: 'due',
      title: t('task.fields.dueDate'),
      width: phone ? 128 : 130,
      render: (_: unknown, r) => (
        <div>
          <div>{formatDate(r.dueDate)}</div>
          <div style={{ fontSize: 12 }}>
            {r.closedLateDays ? <ClosedLateTag task={r} /> : <DaysLeft days={r.workingDaysLeft} status={r.status} />}
          </div>
        </div>
      ),
    },
    {
      key: 'dept',
      title: `${t('task.fields.leadDepartment')} / ${t('task.fields.handler')}`,
      hidden: phone,
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
    {
      key: 'leader',
      dataIndex: 'leaderName',
      title: t('task.fields.leader'),
      hidden: phone,
      width: 90,
      render: (v: string | null) => v ?? '—',
    },
    {
      key: 'progress',
      title: t('task.fields.progress'),
      hidden: phone,
      width: 120,
      render: (_: unknown, r) => (
        <Tooltip title={t('task.scheduleHint', { progress: r.progress, schedule: r.scheduleProgress })}>
          <Progress percent={r.progress} size="small" strokeColor={r.warning === 'none' ? undefined : WARNING_HEX[r.warning]} />
        </Tooltip>
      ),
    },
  ];
}
