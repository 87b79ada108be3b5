/**
 * The map series, for the map route only: loaded with the polygons, registered on the shared ECharts.
 * `labelLayout: { hideOverlap }` needs the label-layout feature; without it the small urban districts' names pile up.
 */
import { MapChart } from 'echarts/charts';
import { LabelLayout } from 'echarts/features';
import { echarts } from './echarts';

echarts.use([MapChart, LabelLayout]);

export { echarts };
