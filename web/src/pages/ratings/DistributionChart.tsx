import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { RatingScore } from '@qinlian/contracts';
import { echarts } from './echarts.ts';
import { SCORE_COLOURS } from './ScoreTag.tsx';

const SCORES: RatingScore[] = [1, 2, 3, 4, 5];

/** 满意程度分布: how many ratings of each level, bad ones red. */
export function DistributionChart({ distribution }: { distribution: number[] }) {
  const { t } = useTranslation();
  const option = {
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: SCORES.map((s) => t(`ratings.levels.${s}`)), axisTick: { show: false }, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
    series: [
      {
        name: t('ratings.stats.countSeries'),
        type: 'bar',
        barMaxWidth: 36,
        data: SCORES.map((s) => ({ value: distribution[s - 1] ?? 0, itemStyle: { color: SCORE_COLOURS[s] } })),
        label: { show: true, position: 'top' },
      },
    ],
  };
  return (
    <div data-testid="rating-distribution-chart">
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: 240 }} notMerge lazyUpdate />
    </div>
  );
}
