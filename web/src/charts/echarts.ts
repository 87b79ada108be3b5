/**
 * ECharts, modular: only the charts and components the app draws, so the bundle stays small. Colour scales
 * are computed by the option builders (no visualMap component) and their legends drawn in HTML.
 * Named imports rather than `* as echarts`: a namespace re-export would keep every export of echarts/core.
 */
import { BarChart, GaugeChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, registerMap, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([
  LineChart,
  BarChart,
  GaugeChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  LegendPlainComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

export const echarts = { init, registerMap, use };
