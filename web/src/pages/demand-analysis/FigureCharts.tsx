import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { AnalysisFigure } from '@qinlian/contracts';
import { echarts } from './echarts.ts';

const PEOPLE = '#5b8ff9';
const URGENT = '#cf1322';
const ITEMS = '#9254de';

/**
 * 按类别 / 按片区: a bar per category or area, the most people on top, with its urgent people beside
 * it; the bar of items that gave none reads 未分类 / 未注明片区.
 */
export function ShareChart({ figures, blank, testId }: { figures: AnalysisFigure[]; blank: string; testId: string }) {
  const { t } = useTranslation();
  const rows = [...figures].reverse(); // the first on top
  const option = {
    grid: { left: 8, right: 16, top: 32, bottom: 8 },
    legend: { top: 0, itemWidth: 10, itemHeight: 10 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: {
      type: 'category',
      data: rows.map((f) => f.label || blank),
      axisTick: { show: false },
      axisLabel: { width: 96, overflow: 'truncate' },
    },
    series: [
      {
        name: t('demandAnalysis.series.people'),
        type: 'bar',
        barMaxWidth: 14,
        data: rows.map((f) => f.people),
        itemStyle: { color: PEOPLE },
      },
      {
        name: t('demandAnalysis.series.urgent'),
        type: 'bar',
        barMaxWidth: 14,
        data: rows.map((f) => f.urgent),
        itemStyle: { color: URGENT },
      },
    ],
  };
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: Math.max(160, 56 + rows.length * 30) }} notMerge lazyUpdate />
    </div>
  );
}

/** 按周: people a week (each submission in the week it came in) as a line, items as bars, weeks with nothing at zero. */
export function WeekChart({ figures }: { figures: AnalysisFigure[] }) {
  const { t } = useTranslation();
  const option = {
    grid: { left: 8, right: 8, top: 40, bottom: 8 },
    legend: { top: 0, itemWidth: 10, itemHeight: 10 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: figures.map((f) => t('demandAnalysis.weekOf', { date: f.label.slice(5) })),
      axisTick: { show: false },
    },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
    series: [
      {
        name: t('demandAnalysis.series.items'),
        type: 'bar',
        barMaxWidth: 20,
        data: figures.map((f) => f.items),
        itemStyle: { color: ITEMS },
      },
      { name: t('demandAnalysis.series.people'), type: 'line', data: figures.map((f) => f.people), itemStyle: { color: PEOPLE } },
      { name: t('demandAnalysis.series.urgent'), type: 'line', data: figures.map((f) => f.urgent), itemStyle: { color: URGENT } },
    ],
  };
  return (
    <div data-testid="analysis-week-chart">
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: 240 }} notMerge lazyUpdate />
    </div>
  );
}
