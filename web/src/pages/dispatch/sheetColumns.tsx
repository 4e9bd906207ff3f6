import { Flex, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { DispatchSheetSummary } from '@qinlian/contracts';
import { DispatchStatusTag } from './DispatchStatusTag.tsx';
import { weekLabel } from './weekLabel.ts';

/**
 * The list's columns. On a phone (`phone`) one column holds the sheet with its week, status and
 * counts around it; the rest is on the sheet's page.
 */
export function sheetColumns(t: TFunction, phone: boolean): ColumnsType<DispatchSheetSummary> {
  const span = (s: DispatchSheetSummary) => t('dispatch.span', { start: s.weekStart, end: s.weekEnd });
  return [
    {
      key: 'week',
      title: t('dispatch.columns.week'),
      hidden: phone,
      width: 190,
      render: (_, s) => (
        <div>
          <div>{weekLabel(t, s.week)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {span(s)}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'title',
      title: t('dispatch.columns.title'),
      render: (_, s) => (
        <div style={{ minWidth: phone ? 0 : 240 }}>
          {phone && (
            <Flex gap={6} wrap align="center" style={{ marginBottom: 2 }}>
              <DispatchStatusTag status={s.status} />
              <Typography.Text type="secondary">{weekLabel(t, s.week)}</Typography.Text>
            </Flex>
          )}
          <Link to={`/dispatch/${s.id}`} data-testid="dispatch-link" style={{ wordBreak: 'break-word' }}>
            {s.title}
          </Link>
          {phone && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {span(s)} · {t('dispatch.items.count', { n: s.itemCount })} ·{' '}
                {t('dispatch.decisionCount', { decisions: s.decisionCount, tasks: s.taskCount })}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    { key: 'department', title: t('dispatch.columns.department'), hidden: phone, width: 180, dataIndex: 'departmentName' },
    {
      key: 'status',
      title: t('dispatch.columns.status'),
      hidden: phone,
      width: 100,
      render: (_, s) => <DispatchStatusTag status={s.status} />,
    },
    { key: 'items', title: t('dispatch.columns.items'), hidden: phone, width: 80, align: 'right', dataIndex: 'itemCount' },
    {
      key: 'decisions',
      title: t('dispatch.columns.decisions'),
      hidden: phone,
      width: 170,
      render: (_, s) => t('dispatch.decisionCount', { decisions: s.decisionCount, tasks: s.taskCount }),
    },
    { key: 'meeting', title: t('dispatch.columns.meeting'), hidden: phone, width: 120, render: (_, s) => s.meetingDate ?? '—' },
  ];
}
