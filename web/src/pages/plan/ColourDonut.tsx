import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { WarningColor } from '@qinlian/contracts';
import { WARNING_HEX, WARNINGS } from '../../domain/tasks/labels.ts';
import { CHART_THEME, echarts } from './echarts.ts';

type Props = { colours: Partial<Record<WarningColor, number>>; labels: Record<WarningColor, string>; total: number; size?: number };

/** A programme's tasks by colour, with the count in the middle. */
export function ColourDonut({ colours, labels, total, size = 104 }: Props) {
  const option = {
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    title: { text: String(total), left: 'center', top: 'middle', textStyle: { fontSize: 16, fontWeight: 600, color: '#262626' } },
    series: [
      {
        type: 'pie',
        radius: ['58%', '86%'],
        avoidLabelOverlap: false,
        label: { show: false },
        emphasis: { scale: false },
        data: WARNINGS.map((w) => ({ name: labels[w], value: colours[w] ?? 0, itemStyle: { color: WARNING_HEX[w] } })),
      },
    ],
  };
  return (
    <ReactEChartsCore echarts={echarts} theme={CHART_THEME} option={option} style={{ width: size, height: size }} notMerge lazyUpdate />
  );
}
