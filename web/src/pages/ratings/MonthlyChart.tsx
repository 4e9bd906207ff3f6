import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { RatingStats } from '@qinlian/contracts';
import { echarts } from './echarts.ts';

/** 按月评价: ratings and bad reviews a month as bars, the month's average as a line on its own 1–5 axis. */
export function MonthlyChart({ months }: { months: RatingStats['months'] }) {
  const { t } = useTranslation();
  const option = {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, itemWidth: 10, itemHeight: 10 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: months.map((m) => m.month), axisTick: { show: false } },
    yAxis: [
      { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
      { type: 'value', min: 1, max: 5, interval: 1, splitLine: { show: false } },
    ],
    series: [
      {
        name: t('ratings.stats.countSeries'),
        type: 'bar',
        barMaxWidth: 24,
        data: months.map((m) => m.count),
        itemStyle: { color: '#5b8ff9' },
      },
      { name: t('ratings.stats.badSeries'), type: 'bar', barMaxWidth: 24, data: months.map((m) => m.bad), itemStyle: { color: '#cf1322' } },
      {
        name: t('ratings.stats.averageSeries'),
        type: 'line',
        yAxisIndex: 1,
        connectNulls: false,
        data: months.map((m) => (m.average === null ? null : Math.round(m.average * 100) / 100)),
        itemStyle: { color: '#faad14' },
      },
    ],
  };
  return (
    <div data-testid="rating-monthly-chart">
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: 260 }} notMerge lazyUpdate />
    </div>
  );
}
