import { Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { RatingFigures, RatingStats } from '@qinlian/contracts';

type Person = RatingStats['people'][number];

/** 满意率: the share of counted ratings that are not bad reviews, in whole percent; null without any. */
export const satisfiedRate = (f: Pick<RatingFigures, 'count' | 'bad'>) =>
  f.count === 0 ? null : Math.round(((f.count - f.bad) / f.count) * 100);

/** 人员评价: one row per rated person, the most rated first (as the server sends them); scrolls inside itself on a phone. */
export function StatsPeopleTable({ stats, loading }: { stats: RatingStats | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const departments = new Map((stats?.departments ?? []).map((d) => [d.departmentId, d.departmentName]));
  const none = t('ratings.stats.noValue');
  const columns: ColumnsType<Person> = [
    {
      title: t('ratings.stats.person'),
      key: 'person',
      fixed: 'left',
      render: (_, p) => <Typography.Text strong>{p.personName}</Typography.Text>,
      sorter: (a, b) => a.personName.localeCompare(b.personName, 'zh-CN'),
    },
    { title: t('ratings.fields.department'), key: 'department', render: (_, p) => departments.get(p.departmentId) ?? none },
    { title: t('ratings.stats.count'), dataIndex: 'count', key: 'count', align: 'right', sorter: (a, b) => a.count - b.count },
    {
      title: t('ratings.stats.average'),
      dataIndex: 'average',
      key: 'average',
      align: 'right',
      sorter: (a, b) => (a.average ?? 0) - (b.average ?? 0),
      render: (v: number | null) => (v === null ? none : v.toFixed(2)),
    },
    {
      title: <Tooltip title={t('ratings.stats.satisfiedHint')}>{t('ratings.stats.satisfied')}</Tooltip>,
      key: 'satisfied',
      align: 'right',
      sorter: (a, b) => (satisfiedRate(a) ?? 101) - (satisfiedRate(b) ?? 101),
      render: (_, p) => {
        const rate = satisfiedRate(p);
        return rate === null ? none : `${rate}%`;
      },
    },
    {
      title: t('ratings.stats.bad'),
      dataIndex: 'bad',
      key: 'bad',
      align: 'right',
      sorter: (a, b) => a.bad - b.bad,
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
    {
      title: t('ratings.stats.appeals'),
      key: 'appeals',
      render: (_, p) =>
        p.appeals.appealed + p.appeals.upheld + p.appeals.rejected === 0 ? none : t('ratings.stats.appealsLine', p.appeals),
    },
  ];
  return (
    <>
      {stats?.peopleTruncated && (
        <Typography.Paragraph type="secondary" data-testid="rating-people-truncated">
          {t('ratings.stats.truncated')}
        </Typography.Paragraph>
      )}
      <Table<Person>
        rowKey="personId"
        size="small"
        columns={columns}
        dataSource={stats?.people ?? []}
        loading={loading}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('ratings.stats.empty') }}
        data-testid="rating-people"
      />
    </>
  );
}
