/**
 * ECharts, modular: only the charts and components the app draws, so the bundle stays small. Colour scales
 * are computed by the option builders (no visualMap component) and their legends drawn in HTML.
 */
import { BarChart, GaugeChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GaugeChart, HeatmapChart, GridComponent, TooltipComponent, LegendPlainComponent, MarkLineComponent, CanvasRenderer]);

export { echarts };
