import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { BulletinRankingRow } from '@qinlian/contracts';
import { echarts } from './echarts.ts';

/** Bars shown at most: the first and last ten of a long ranking, where the comparison matters. */
const ENDS = 10;
const COLOUR = { best: '#389e0d', worst: '#cf1322', other: '#1677ff' };

/** 综合得分: one bar per ranked department, the best green and the worst red; the first on top. */
export function ScoreChart({ ranking }: { ranking: BulletinRankingRow[] }) {
  const { t } = useTranslation();
  const ranked = ranking.filter((r) => r.score !== null);
  const shown = ranked.length > 2 * ENDS ? [...ranked.slice(0, ENDS), ...ranked.slice(-ENDS)] : ranked;
  const rows = [...shown].reverse();
  const option = {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', max: 100, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: {
      type: 'category',
      data: rows.map((r) => `${r.rank}. ${r.departmentName}`),
      axisTick: { show: false },
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: [
      {
        name: t('bulletins.ranking.chart'),
        type: 'bar',
        barMaxWidth: 16,
        data: rows.map((r) => ({ value: r.score, itemStyle: { color: r.best ? COLOUR.best : r.worst ? COLOUR.worst : COLOUR.other } })),
      },
    ],
  };
  const height = Math.max(120, 24 + rows.length * 26);
  return (
    <div data-testid="bulletin-score-chart">
      <ReactEChartsCore echarts={echarts} option={option} opts={{ renderer: 'svg' }} style={{ height }} notMerge lazyUpdate />
    </div>
  );
}
