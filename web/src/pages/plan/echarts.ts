/** Only the ECharts parts the plan page draws, so its chunk stays small; loaded with the charts, never on first paint. */
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { CATEGORICAL } from '../../app/theme.ts';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

/**
 * The charts' series colours when a chart does not set its own: the categorical palette, with no
 * red, yellow or blue — those are set only by the charts that encode 红/黄/蓝预警 (WARNING_HEX).
 */
export const CHART_THEME = 'qinlian';
echarts.registerTheme(CHART_THEME, { color: CATEGORICAL });

export { echarts };
