import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { Rollup } from '@qinlian/contracts';
import { CATEGORICAL } from '../../app/theme.ts';
import { CHART_THEME, echarts } from './echarts.ts';

/** 各工程加权进度: one bar per programme, 0–100 %. */
export function ProgressChart({ rollup, label }: { rollup: Rollup; label: string }) {
  const programmes = [...rollup.programmes].reverse();
  const option = {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v}%` },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: { type: 'category', data: programmes.map((p) => p.name), axisTick: { show: false } },
    series: [
      {
        name: label,
        type: 'bar',
        barWidth: 14,
        data: programmes.map((p) => p.progress),
        itemStyle: { color: CATEGORICAL[0], borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: 'right', formatter: '{c}%', color: '#595959' },
        showBackground: true,
        backgroundStyle: { color: '#f5f5f5', borderRadius: [0, 4, 4, 0] },
      },
    ],
  };
  return <ReactEChartsCore echarts={echarts} theme={CHART_THEME} option={option} style={{ height: 240 }} notMerge lazyUpdate />;
}
