import { Flex, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BulletinRankingRow } from '@qinlian/contracts';

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

/** 最好 / 最差 beside a department's place. */
export function PlaceTag({ row }: { row: BulletinRankingRow }) {
  const { t } = useTranslation();
  const { best, worst } = row;
  if (!best && !worst) return null;
  return (
    <Tag color={best ? 'success' : 'error'} data-testid={best ? 'bulletin-best' : 'bulletin-worst'} style={{ marginInlineEnd: 0 }}>
      {best ? t('bulletins.ranking.best') : t('bulletins.ranking.worst')}
    </Tag>
  );
}

/** The row's colour: the best green, the worst red (the document names them too). */
export const placeStyle = (r: BulletinRankingRow) => (r.best ? { background: '#f6ffed' } : r.worst ? { background: '#fff1f0' } : undefined);

/**
 * The ranking's columns. On a phone (`phone`) one column holds the department with its place, score
 * and figures; on a desktop each figure has its column.
 */
export function rankingColumns(t: TFunction, phone: boolean): ColumnsType<BulletinRankingRow> {
  const figures = (r: BulletinRankingRow) =>
    `${t('bulletins.indicators.on_time_rate')} ${pct(r.onTimeRate)} · ${t('bulletins.indicators.close_rate')} ${pct(r.closeRate)} · ${t('bulletins.indicators.red_count')} ${r.red} · ${t('bulletins.indicators.returned_count')} ${r.returned}`;
  return [
    {
      key: 'rank',
      title: t('bulletins.ranking.rank'),
      width: phone ? 64 : 80,
      render: (_, r) => (
        <Flex gap={4} align="center">
          <span>{r.rank ?? '—'}</span>
          <PlaceTag row={r} />
        </Flex>
      ),
    },
    {
      key: 'department',
      title: t('bulletins.ranking.department'),
      render: (_, r) => (
        <div style={{ minWidth: 0, wordBreak: 'break-word' }}>
          <Typography.Text strong={r.best || r.worst}>{r.departmentName}</Typography.Text>
          {phone && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.score === null ? t('bulletins.ranking.unranked') : `${t('bulletins.ranking.score')} ${r.score}`} · {figures(r)}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    { key: 'score', title: t('bulletins.ranking.score'), hidden: phone, width: 100, align: 'right', render: (_, r) => r.score ?? '—' },
    {
      key: 'onTime',
      title: t('bulletins.indicators.on_time_rate'),
      hidden: phone,
      width: 110,
      align: 'right',
      render: (_, r) => pct(r.onTimeRate),
    },
    {
      key: 'close',
      title: t('bulletins.indicators.close_rate'),
      hidden: phone,
      width: 90,
      align: 'right',
      render: (_, r) => pct(r.closeRate),
    },
    { key: 'red', title: t('bulletins.indicators.red_count'), hidden: phone, width: 80, align: 'right', dataIndex: 'red' },
    { key: 'returned', title: t('bulletins.indicators.returned_count'), hidden: phone, width: 90, align: 'right', dataIndex: 'returned' },
    { key: 'closed', title: t('bulletins.ranking.closed'), hidden: phone, width: 80, align: 'right', dataIndex: 'closed' },
    { key: 'overdue', title: t('bulletins.ranking.overdue'), hidden: phone, width: 100, align: 'right', dataIndex: 'overdue' },
  ];
}
