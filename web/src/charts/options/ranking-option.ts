import type { BreakdownRow } from '@lz/shared/api/progress';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { formatCount, formatPercent, type Lang } from '../../lib/format';
import { gapColour } from './gap-colour';

export type RankingOption = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption
>;

export interface RankingDatum {
  value: number;
  code: string;
  name: string;
  itemStyle: { color: string };
}

/**
 * Units without a target of their own (未分解) when others have one: they have no completion rate, so they are
 * left out of a ranking by rate (not put at the bottom as 0.0%) and listed apart.
 */
export function unallocatedRows(rows: BreakdownRow[]): BreakdownRow[] {
  return rows.some((r) => r.completionRate !== null) ? rows.filter((r) => r.completionRate === null) : [];
}

/** Rows ranked for a horizontal bar: by completion rate where units have targets, else by volume. */
export function rankingData(
  rows: BreakdownRow[],
  timeProgress: number,
): { mode: 'rate' | 'actual'; data: RankingDatum[] } {
  const mode = rows.some((r) => r.completionRate !== null) ? 'rate' : 'actual';
  const ranked = mode === 'rate' ? rows.filter((r) => r.completionRate !== null) : rows;
  const sorted = [...ranked].sort((a, b) =>
    mode === 'rate' ? (a.completionRate ?? -1) - (b.completionRate ?? -1) : a.actual - b.actual,
  );
  return {
    mode,
    data: sorted.map((r) => ({
      value: mode === 'rate' ? Math.round((r.completionRate ?? 0) * 1000) / 10 : r.actual,
      code: r.code,
      name: r.name,
      itemStyle: { color: mode === 'rate' ? gapColour(r.completionRate, r.timeProgress ?? timeProgress) : '#3b82f6' },
    })),
  };
}

/** The rate axis reaches past the time-progress line and the longest bar, in steps of 20 points. */
export function rateAxisMax(values: number[], timeProgressPercent: number): number {
  const top = Math.max(timeProgressPercent, ...values, 0);
  return Math.max(20, Math.ceil((top + 1e-9) / 20) * 20);
}

/** Units ranked, each bar coloured by how far ahead or behind time progress, with a line at time progress. */
export function buildRankingOption(
  rows: BreakdownRow[],
  timeProgress: number,
  labels = { timeProgress: '时序进度' },
  lang: Lang = 'zh',
): RankingOption {
  const { mode, data } = rankingData(rows, timeProgress);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const tp = Math.round(timeProgress * 1000) / 10;
  const count = (v: number) => formatCount(v, lang);
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const d = (p as { data?: RankingDatum }).data;
        const row = d ? byCode.get(d.code) : undefined;
        if (!row) return '';
        const allocation = row.allocation === null ? '—' : count(row.allocation);
        return [
          row.name,
          `${count(row.actual)} / ${allocation}`,
          `${formatPercent(row.completionRate)} · ${labels.timeProgress} ${formatPercent(row.timeProgress)}`,
        ].join('<br/>');
      },
    },
    grid: { left: 8, right: 48, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      // Without a fixed top, a unit far behind at 100 % time progress gets an axis ending at 80 % and the line
      // vanishes.
      max:
        mode === 'rate'
          ? rateAxisMax(
              data.map((d) => d.value),
              tp,
            )
          : undefined,
      interval: mode === 'rate' ? 20 : undefined,
      axisLabel: { formatter: mode === 'rate' ? '{value}%' : (v: number) => count(v), hideOverlap: true },
    },
    yAxis: { type: 'category', data: data.map((d) => d.name), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        data,
        barMaxWidth: 16,
        label: {
          show: true,
          position: 'right',
          formatter: (p) => (mode === 'rate' ? `${(p.value as number).toFixed(1)}%` : count(p.value as number)),
        },
        markLine:
          mode === 'rate'
            ? {
                silent: true,
                symbol: 'none',
                lineStyle: { color: '#334155', type: 'dashed' },
                label: { formatter: `${labels.timeProgress} {c}%`, position: 'end' },
                data: [{ xAxis: tp }],
              }
            : undefined,
      },
    ],
  };
}
