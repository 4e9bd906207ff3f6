import { Suspense } from 'react';
import { UserOutlined } from '@ant-design/icons';
import { Card, Flex, Progress, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Rollup, WarningColor } from '@qinlian/contracts';
import { BRAND_PRIMARY } from '../../app/theme.ts';
import { ColourCounts } from '../../domain/tasks/ColourCounts.tsx';
import { LazyColourDonut } from './LazyCharts.tsx';

type Programme = Rollup['programmes'][number];
type Props = { programme: Programme; leaderName: string | null; labels: Record<WarningColor, string> };

/** One of the six programmes: weighted progress, colours, its leader in charge. */
export function ProgrammeCard({ programme: p, leaderName, labels }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = (extra = '') => navigate(`/tasks?tab=programme&programmeId=${p.id}${extra}`);
  return (
    <Card
      hoverable
      size="small"
      className="programme-card"
      title={
        <Flex gap={8} align="center">
          <span className="programme-code">{p.code}</span>
          <span>{p.name}</span>
        </Flex>
      }
      extra={
        leaderName && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <UserOutlined /> {leaderName}
          </Typography.Text>
        )
      }
      onClick={() => open()}
      data-testid="programme-card"
    >
      <Flex gap={12} align="center">
        <div style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('plan.weightedProgress')}
          </Typography.Text>
          <Progress percent={p.progress} strokeColor={BRAND_PRIMARY} format={(v) => `${v}%`} />
          <Flex gap={16} style={{ margin: '6px 0 8px', fontSize: 12, color: '#6b7280' }}>
            <span>{t('plan.measureCount', { count: p.measures.length })}</span>
            <span>{t('plan.taskCount', { count: p.taskCount })}</span>
            <span>{t('plan.weight', { weight: p.weight })}</span>
            <span data-testid="programme-closed-late">{t('plan.closedLateCount', { count: p.closedLate })}</span>
          </Flex>
          <div onClick={(e) => e.stopPropagation()}>
            <ColourCounts colours={p.colours} onPick={(w) => open(`&warning=${w}`)} />
          </div>
        </div>
        <Suspense fallback={<div style={{ width: 104, height: 104 }} />}>
          <LazyColourDonut colours={p.colours} labels={labels} total={p.taskCount} />
        </Suspense>
      </Flex>
    </Card>
  );
}
