import type { BreakdownRow } from '@lz/shared/api/progress';
import type { MapSeriesOption } from 'echarts/charts';
import type { TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { formatCount, formatPercent, formatPoints, type Lang } from '../../lib/format';
import { gapColour, gapOf } from './gap-colour';

export type MapOption = ComposeOption<MapSeriesOption | TooltipComponentOption>;

export interface MapLabels {
  completionRate: string;
  timeProgress: string;
  gap: string;
}

export const defaultMapLabels: MapLabels = { completionRate: '完成率', timeProgress: '时序进度', gap: '差(百分点)' };

/** Counties coloured by completion against time progress (the gap colours), on a map registered as `mapName`. */
export function buildMapOption(
  rows: BreakdownRow[],
  mapName: string,
  labels: MapLabels = defaultMapLabels,
  lang: Lang = 'zh',
): MapOption {
  const byName = new Map(rows.map((r) => [r.name, r]));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const name = (p as { name?: string }).name ?? '';
        const row = byName.get(name);
        if (!row) return name;
        return [
          row.name,
          `${formatCount(row.actual, lang)} / ${formatCount(row.allocation, lang)}`,
          `${labels.completionRate} ${formatPercent(row.completionRate)}`,
          `${labels.timeProgress} ${formatPercent(row.timeProgress)}`,
          `${labels.gap} ${formatPoints(gapOf(row.completionRate, row.timeProgress))}`,
        ].join('<br/>');
      },
    },
    series: [
      {
        type: 'map',
        map: mapName,
        roam: false,
        selectedMode: false,
        label: { show: true, fontSize: 11, color: '#0f172a' },
        labelLayout: { hideOverlap: true },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#fde68a' } },
        itemStyle: { borderColor: '#fff', borderWidth: 1, areaColor: '#cbd5e1' },
        data: rows.map((r) => ({
          name: r.name,
          value: r.completionRate === null ? 0 : Math.round(r.completionRate * 1000) / 10,
          code: r.code,
          itemStyle: { areaColor: gapColour(r.completionRate, r.timeProgress) },
        })),
      },
    ],
  };
}
