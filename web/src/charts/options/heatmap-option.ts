import type { HeatmapSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { formatCount } from '../../lib/format';
import { scaleColour } from './colour-scale';

export type HeatmapOption = ComposeOption<HeatmapSeriesOption | GridComponentOption | TooltipComponentOption>;

export interface HeatmapRow {
  code: string;
  name: string;
  /** One value per month; null where the month has not been reported yet. */
  values: (number | null)[];
}

export interface HeatmapCell {
  value: [number, number, number];
  itemStyle: { color: string };
}

/** The largest cell, the top of the colour scale (the panel's legend shows it). */
export function heatmapMax(rows: HeatmapRow[]): number {
  return rows.reduce((m, r) => r.values.reduce<number>((mm, v) => (v !== null && v > mm ? v : mm), m), 0);
}

/** County × month: each cell the month's person-times; months after the as-of month stay blank. */
export function buildHeatmapOption(months: string[], rows: HeatmapRow[]): HeatmapOption {
  const max = heatmapMax(rows);
  const data: HeatmapCell[] = [];
  rows.forEach((row, y) => {
    row.values.forEach((v, x) => {
      if (v !== null) data.push({ value: [x, y, v], itemStyle: { color: scaleColour(v, max) } });
    });
  });
  return {
    tooltip: {
      position: 'top',
      formatter: (p) => {
        const value = (p as { value?: [number, number, number] }).value;
        if (!value) return '';
        return `${rows[value[1]]?.name ?? ''} ${months[value[0]] ?? ''}<br/>${formatCount(value[2])}`;
      },
    },
    grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months, splitArea: { show: true }, axisLabel: { hideOverlap: true } },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.name),
      inverse: true,
      axisLabel: { width: 110, overflow: 'truncate' },
    },
    series: [{ type: 'heatmap', data, emphasis: { itemStyle: { borderColor: '#0f172a', borderWidth: 1 } } }],
  };
}
