import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { RatingScore, RatingStats } from '@qinlian/contracts';
import { echarts } from './echarts.ts';
import { SCORE_COLOURS } from './ScoreTag.tsx';

const SCORES: RatingScore[] = [1, 2, 3, 4, 5];

/** 各部门评价: a bar per department, its ratings stacked by level (the default tooltip encodes the names it shows). */
export function DepartmentChart({ departments }: { departments: RatingStats['departments'] }) {
  const { t } = useTranslation();
  const rows = [...departments].reverse(); // the first department on top
  const option = {
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, itemWidth: 10, itemHeight: 10 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: {
      type: 'category',
      data: rows.map((d) => d.departmentName),
      axisTick: { show: false },
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    series: SCORES.map((s) => ({
      name: t(`ratings.levels.${s}`),
      type: 'bar',
      stack: 'levels',
      barMaxWidth: 16,
      data: rows.map((d) => d.distribution[s - 1] ?? 0),
      itemStyle: { color: SCORE_COLOURS[s] },
    })),
  };
  const height = Math.max(160, 56 + rows.length * 28);
  return (
    <div data-testid="rating-department-chart">
      <ReactEChartsCore echarts={echarts} option={option} style={{ height }} notMerge lazyUpdate />
    </div>
  );
}
