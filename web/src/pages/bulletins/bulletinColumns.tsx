import { Flex, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { BulletinSummary } from '@qinlian/contracts';
import { BulletinStatusTag } from './BulletinStatusTag.tsx';

/**
 * The list's columns. On a phone (`phone`) one column holds the bulletin with its quarter, status,
 * number and who came first and last; the rest is on the bulletin's page.
 */
export function bulletinColumns(t: TFunction, phone: boolean): ColumnsType<BulletinSummary> {
  const quarter = (b: BulletinSummary) => t('bulletins.quarterOf', { year: b.year, quarter: b.quarter });
  const ends = (b: BulletinSummary) => [b.bestName && `★ ${b.bestName}`, b.worstName && `▼ ${b.worstName}`].filter(Boolean).join(' · ');
  return [
    {
      key: 'quarter',
      title: t('bulletins.columns.quarter'),
      hidden: phone,
      width: 170,
      render: (_, b) => (
        <div>
          <div>{quarter(b)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('bulletins.span', { start: b.periodStart, end: b.periodEnd })}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'title',
      title: t('bulletins.columns.title'),
      render: (_, b) => (
        <div style={{ minWidth: phone ? 0 : 260 }}>
          {phone && (
            <Flex gap={6} wrap align="center" style={{ marginBottom: 2 }}>
              <BulletinStatusTag status={b.status} />
              <Typography.Text type="secondary">{quarter(b)}</Typography.Text>
            </Flex>
          )}
          <Link to={`/bulletins/${b.id}`} data-testid="bulletin-link" style={{ wordBreak: 'break-word' }}>
            {b.title}
          </Link>
          {phone && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[b.number, ends(b)].filter(Boolean).join(' · ')}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      key: 'status',
      title: t('bulletins.columns.status'),
      hidden: phone,
      width: 100,
      render: (_, b) => <BulletinStatusTag status={b.status} />,
    },
    { key: 'number', title: t('bulletins.columns.number'), hidden: phone, width: 190, render: (_, b) => b.number ?? '—' },
    { key: 'best', title: t('bulletins.columns.best'), hidden: phone, width: 160, render: (_, b) => b.bestName ?? '—' },
    { key: 'worst', title: t('bulletins.columns.worst'), hidden: phone, width: 160, render: (_, b) => b.worstName ?? '—' },
    {
      key: 'departments',
      title: t('bulletins.columns.departments'),
      hidden: phone,
      width: 100,
      align: 'right',
      dataIndex: 'departmentCount',
    },
  ];
}
