/**
 * Only the ECharts parts the ranking chart draws (bars), loaded with the chart, never on first paint;
 * drawn as SVG — crisp when the page is printed beside the bulletin, and drawable without a canvas.
 */
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export { echarts };
