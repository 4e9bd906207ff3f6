import { useMemo, useState } from 'react';
import { SlidersOutlined } from '@ant-design/icons';
import { Button, Card, Grid, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Bulletin, BulletinRankingRow } from '@qinlian/contracts';
import { placeStyle, rankingColumns } from './rankingColumns.tsx';
import { ScoreChart } from './ScoreChart.tsx';
import { WeightsDrawer } from './WeightsDrawer.tsx';

/** 综合排名: the totals, the weights it used, the score chart and every department's figures, the best and worst marked. */
export function RankingCard({ bulletin }: { bulletin: Bulletin }) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const columns = useMemo(() => rankingColumns(t, phone), [t, phone]);
  const [weighing, setWeighing] = useState(false);
  const totals = bulletin.totals;
  const weights = bulletin.indicators
    .filter((i) => i.weight > 0)
    .map((i) => `${t(`bulletins.indicators.${i.key}`)} ${i.weight}%`)
    .join(' · ');
  return (
    <Card
      title={t('bulletins.ranking.title')}
      extra={
        bulletin.abilities.recompute && (
          <Button size="small" icon={<SlidersOutlined />} onClick={() => setWeighing(true)} data-testid="bulletin-weights-edit">
            {t('bulletins.weights.edit')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="bulletin-totals">
        {t('bulletins.ranking.totals', { ...totals, onTimeRate: totals.onTimeRate === null ? '—' : `${totals.onTimeRate}%` })}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 12 }} data-testid="bulletin-weights">
        {t('bulletins.weights.title')}：{weights}
      </Typography.Paragraph>
      {bulletin.ranking.some((r) => r.score !== null) && <ScoreChart ranking={bulletin.ranking} />}
      <Table<BulletinRankingRow>
        rowKey="departmentId"
        size="small"
        columns={columns}
        dataSource={bulletin.ranking}
        onRow={(r) => ({ style: placeStyle(r), 'data-testid': 'bulletin-ranking-row' }) as React.HTMLAttributes<HTMLElement>}
        scroll={phone ? undefined : { x: 'max-content' }}
        tableLayout={phone ? 'fixed' : undefined}
        pagination={bulletin.ranking.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: t('bulletins.ranking.empty') }}
        data-testid="bulletin-ranking"
      />
      <WeightsDrawer bulletin={bulletin} open={weighing} onClose={() => setWeighing(false)} />
    </Card>
  );
}
