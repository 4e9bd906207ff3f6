import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { TimeLimitStats } from '@qinlian/contracts';
import { echarts } from './echarts.ts';
import { OUTCOME_COLOURS, OUTCOMES } from './outcomes.ts';

type Department = TimeLimitStats['departments'][number];

/** 各部门按期办结情况: one bar per department, its items stacked by outcome, the rate in the tooltip. */
export function OnTimeChart({ departments }: { departments: Department[] }) {
  const { t } = useTranslation();
  const rows = [...departments].reverse(); // the first department on top
  const rateText = (d: Department) => (d.onTimeRate === null ? t('timeLimits.stats.noRate') : `${d.onTimeRate}%`);
  const option = {
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, itemWidth: 10, itemHeight: 10, icon: 'circle' },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { dataIndex: number; marker: string; seriesName: string; value: number }[]) => {
        const d = rows[params[0]?.dataIndex ?? 0];
        if (!d) return '';
        const lines = params.map((p) => `${p.marker}${p.seriesName}：${p.value}`);
        return [`<b>${escapeHtml(d.departmentName)}</b>`, ...lines, `${t('timeLimits.stats.onTimeRate')}：${rateText(d)}`].join('<br/>');
      },
    },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: {
      type: 'category',
      data: rows.map((d) => d.departmentName),
      axisTick: { show: false },
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    series: OUTCOMES.map((o) => ({
      name: t(`timeLimits.stats.${o}`),
      type: 'bar',
      stack: 'outcomes',
      barMaxWidth: 16,
      data: rows.map((d) => d[o]),
      itemStyle: { color: OUTCOME_COLOURS[o] },
    })),
  };
  const height = Math.max(160, 48 + rows.length * 28);
  return (
    <div data-testid="on-time-chart">
      <ReactEChartsCore echarts={echarts} option={option} style={{ height }} notMerge lazyUpdate />
    </div>
  );
}

/** Department names are people's text: inert in the tooltip's HTML. */
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
