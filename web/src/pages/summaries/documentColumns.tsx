import { Flex, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { SummaryDocumentListItem } from '@qinlian/contracts';
import { formatInstant } from '../../components/time.ts';
import { periodLabel } from './periodLabel.ts';
import { SummaryStatusTag } from './SummaryStatusTag.tsx';

/** The compilations' columns; on a phone one column holds the title with its kind, period, state and number. */
export function documentColumns(t: TFunction, phone: boolean): ColumnsType<SummaryDocumentListItem> {
  const kind = (d: SummaryDocumentListItem) => t(`summaries.documents.kinds.${d.kind}`);
  return [
    {
      key: 'title',
      title: t('summaries.documents.columns.title'),
      render: (_, d) => (
        <div style={{ minWidth: phone ? 0 : 240 }}>
          <Link to={`/summaries/documents/${d.id}`} style={{ wordBreak: 'break-word' }} data-testid="summary-document-link">
            {d.title}
          </Link>
          {phone && (
            <Flex gap={6} wrap align="center">
              <SummaryStatusTag of="document" status={d.status} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {kind(d)} · {periodLabel(t, d.period)}
                {d.number && ` · ${d.number}`}
              </Typography.Text>
            </Flex>
          )}
        </div>
      ),
    },
    { key: 'kind', title: t('summaries.documents.columns.kind'), hidden: phone, width: 140, render: (_, d) => kind(d) },
    {
      key: 'period',
      title: t('summaries.documents.columns.period'),
      hidden: phone,
      width: 140,
      render: (_, d) => periodLabel(t, d.period),
    },
    {
      key: 'status',
      title: t('summaries.documents.columns.status'),
      hidden: phone,
      width: 100,
      render: (_, d) => <SummaryStatusTag of="document" status={d.status} />,
    },
    { key: 'number', title: t('summaries.documents.columns.number'), hidden: phone, width: 180, render: (_, d) => d.number ?? '—' },
    {
      key: 'publishedAt',
      title: t('summaries.documents.columns.publishedAt'),
      hidden: phone,
      width: 180,
      render: (_, d) => formatInstant(d.publishedAt),
    },
  ];
}
