import { Button, Flex, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { MonthlySummary } from '@qinlian/contracts';
import { formatInstant } from '../../components/time.ts';
import { periodLabel } from './periodLabel.ts';
import { SummaryStatusTag } from './SummaryStatusTag.tsx';

const StatusCell = ({ s, t }: { s: MonthlySummary; t: TFunction }) => (
  <Flex gap={4} wrap>
    <SummaryStatusTag of="monthly" status={s.status} />
    {s.late && (
      <Tag color="red" style={{ marginInlineEnd: 0 }}>
        {t('summaries.late')}
      </Tag>
    )}
  </Flex>
);

/**
 * The list's columns. On a phone (`phone`) one column holds the department with its month, state and
 * figures; the rest is in the summary's drawer.
 */
export function monthlyColumns(t: TFunction, phone: boolean, open: (s: MonthlySummary) => void): ColumnsType<MonthlySummary> {
  const figures = (s: MonthlySummary) => `${s.figures.closed} / ${s.figures.closedOnTime} / ${s.figures.overdue}`;
  return [
    { key: 'month', title: t('summaries.monthly.columns.month'), hidden: phone, width: 120, render: (_, s) => periodLabel(t, s.month) },
    {
      key: 'department',
      title: t('summaries.monthly.columns.department'),
      render: (_, s) => (
        <div style={{ minWidth: 0 }}>
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
            onClick={() => open(s)}
            data-testid="summary-open"
          >
            {s.departmentName}
          </Button>
          {phone && (
            <>
              <div style={{ marginTop: 2 }}>
                <StatusCell s={s} t={t} />
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {periodLabel(t, s.month)} · {t('summaries.monthly.columns.figures')} {figures(s)}
              </Typography.Text>
            </>
          )}
        </div>
      ),
    },
    {
      key: 'status',
      title: t('summaries.monthly.columns.status'),
      hidden: phone,
      width: 160,
      render: (_, s) => <StatusCell s={s} t={t} />,
    },
    { key: 'due', title: t('summaries.monthly.columns.due'), hidden: phone, width: 120, dataIndex: 'dueDate' },
    {
      key: 'figures',
      title: t('summaries.monthly.columns.figures'),
      hidden: phone,
      width: 150,
      align: 'right',
      render: (_, s) => figures(s),
    },
    {
      key: 'submitted',
      title: t('summaries.monthly.columns.submitted'),
      hidden: phone,
      width: 180,
      render: (_, s) => formatInstant(s.submittedAt),
    },
  ];
}
