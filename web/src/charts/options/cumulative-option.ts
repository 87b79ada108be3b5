import type { Series } from '@lz/shared/api/progress';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { formatCount, type Lang } from '../../lib/format';

export type CumulativeOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export interface CumulativeLabels {
  cumulative: string;
  expected: string;
  forecast: string;
  monthly: string;
  target: string;
  /** A month nobody reported: not a zero. */
  notReported?: string;
}

export const defaultCumulativeLabels: CumulativeLabels = {
  cumulative: '累计完成',
  expected: '应完成进度',
  forecast: '期末预测',
  monthly: '当月',
  target: '目标',
  notReported: '未报',
};

/**
 * The cumulative line against the expected pace, with the forecast dashed from the last reported month to
 * the window's end (left out, legend entry too, once there is nothing left to forecast); `monthly` adds the
 * month's value as bars on a second, named axis (clickable, one per month).
 */
export function buildCumulativeOption(
  series: Series,
  opts: { monthly?: boolean; labels?: CumulativeLabels; animation?: boolean; lang?: Lang } = {},
): CumulativeOption {
  const labels = opts.labels ?? defaultCumulativeLabels;
  const count = (v: number) => formatCount(v, opts.lang ?? 'zh');
  const months = series.points.map((p) => p.month);
  const hasExpected = series.points.some((p) => p.expected !== null);
  // The forecast starts at the last reported month; with that point alone (the window has ended) it draws nothing.
  const hasForecast = series.points.filter((p) => p.forecast !== null).length > 1;
  const lines: (LineSeriesOption | BarSeriesOption)[] = [
    {
      name: labels.cumulative,
      type: 'line',
      data: series.points.map((p) => p.cumulative),
      showSymbol: false,
      lineStyle: { width: 3, color: '#1d4ed8' },
      itemStyle: { color: '#1d4ed8' },
      areaStyle: { color: 'rgba(29,78,216,0.08)' },
      markLine:
        series.target !== null
          ? {
              silent: true,
              symbol: 'none',
              lineStyle: { color: '#64748b', type: 'solid' },
              label: { formatter: `${labels.target} ${count(series.target)}`, position: 'insideEndTop' },
              data: [{ yAxis: series.target }],
            }
          : undefined,
    },
  ];
  if (hasForecast) {
    lines.push({
      name: labels.forecast,
      type: 'line',
      data: series.points.map((p) => p.forecast),
      showSymbol: false,
      lineStyle: { type: 'dashed', width: 2, color: '#ea580c' },
      itemStyle: { color: '#ea580c' },
    });
  }
  if (hasExpected) {
    lines.push({
      name: labels.expected,
      type: 'line',
      data: series.points.map((p) => p.expected),
      showSymbol: false,
      lineStyle: { type: 'dotted', width: 2, color: '#64748b' },
      itemStyle: { color: '#64748b' },
    });
  }
  if (opts.monthly) {
    lines.push({
      name: labels.monthly,
      type: 'bar',
      yAxisIndex: 1,
      // A missing report draws no bar, and its tooltip says 未报 rather than 0.
      data: series.points.map((p) => p.value),
      itemStyle: { color: '#93c5fd' },
      barMaxWidth: 18,
      tooltip: {
        valueFormatter: (v, i) =>
          typeof v === 'number' ? count(v) : series.points[i]?.reports === 0 ? (labels.notReported ?? '未报') : '—',
      },
    });
  }
  const axisName = { color: '#64748b', fontSize: 11 };
  return {
    animation: opts.animation ?? true,
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? count(v) : '—') },
    legend: { top: 0 },
    grid: { left: 8, right: opts.monthly ? 8 : 16, top: opts.monthly ? 52 : 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months, axisLabel: { hideOverlap: true } },
    yAxis: opts.monthly
      ? [
          // Two scales on one chart: each axis says which series it measures.
          {
            type: 'value',
            name: labels.cumulative,
            nameTextStyle: { ...axisName, align: 'left' },
            axisLabel: { formatter: (v: number) => count(v) },
          },
          {
            type: 'value',
            name: labels.monthly,
            nameTextStyle: { ...axisName, align: 'right' },
            splitLine: { show: false },
            axisLabel: { formatter: (v: number) => count(v) },
          },
        ]
      : { type: 'value', axisLabel: { formatter: (v: number) => count(v) } },
    series: lines,
  };
}
