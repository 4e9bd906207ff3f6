import { Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { TimeLimitStats } from '@qinlian/contracts';
import { OUTCOMES } from './outcomes.ts';

type Person = TimeLimitStats['people'][number];

/** 承办人按期办结情况: one row per person handling timed items, sortable by each figure; scrolls inside itself on a phone. */
export function OnTimePeopleTable({ people, loading }: { people: Person[]; loading: boolean }) {
  const { t } = useTranslation();
  const columns: ColumnsType<Person> = [
    {
      title: t('timeLimits.stats.person'),
      key: 'person',
      fixed: 'left',
      render: (_, p) => <Typography.Text strong>{p.personName}</Typography.Text>,
      sorter: (a, b) => a.personName.localeCompare(b.personName, 'zh-CN'),
    },
    {
      title: t('timeLimits.stats.department'),
      key: 'department',
      render: (_, p) => p.departmentName ?? '—',
      sorter: (a, b) => (a.departmentName ?? '').localeCompare(b.departmentName ?? '', 'zh-CN'),
    },
    ...OUTCOMES.map((o) => ({
      title: t(`timeLimits.stats.${o}`),
      dataIndex: o,
      key: o,
      align: 'right' as const,
      sorter: (a: Person, b: Person) => a[o] - b[o],
      render: (n: number) => (o === 'openOverdue' && n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    })),
    {
      title: <Tooltip title={t('timeLimits.stats.rateHint')}>{t('timeLimits.stats.onTimeRate')}</Tooltip>,
      dataIndex: 'onTimeRate',
      key: 'onTimeRate',
      align: 'right',
      defaultSortOrder: 'ascend',
      sorter: (a, b) => (a.onTimeRate ?? 101) - (b.onTimeRate ?? 101),
      render: (r: number | null) => (r === null ? t('timeLimits.stats.noRate') : `${r}%`),
    },
  ];
  return (
    <Table<Person>
      rowKey="personId"
      size="small"
      columns={columns}
      dataSource={people}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: t('timeLimits.stats.empty') }}
      data-testid="on-time-people"
    />
  );
}
