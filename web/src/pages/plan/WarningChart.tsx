import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { Rollup, WarningColor } from '@qinlian/contracts';
import { WARNING_HEX, WARNINGS } from '../../domain/tasks/labels.ts';
import { CHART_THEME, echarts } from './echarts.ts';

/** 预警分布: tasks per programme stacked by colour. */
export function WarningChart({ rollup, labels }: { rollup: Rollup; labels: Record<WarningColor, string> }) {
  const programmes = [...rollup.programmes].reverse();
  const option = {
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, itemWidth: 10, itemHeight: 10, icon: 'circle' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: { type: 'category', data: programmes.map((p) => p.name), axisTick: { show: false } },
    series: WARNINGS.map((w) => ({
      name: labels[w],
      type: 'bar',
      stack: 'colours',
      barWidth: 14,
      data: programmes.map((p) => p.colours[w] ?? 0),
      itemStyle: { color: WARNING_HEX[w] },
    })),
  };
  return <ReactEChartsCore echarts={echarts} theme={CHART_THEME} option={option} style={{ height: 240 }} notMerge lazyUpdate />;
}
