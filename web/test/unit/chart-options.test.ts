import type { BarSeriesOption } from 'echarts/charts';
import type { BreakdownRow, Series } from '@lz/shared/api/progress';
import { describe, expect, it } from 'vitest';
import { scaleColour } from '../../src/charts/options/colour-scale';
import { buildCumulativeOption } from '../../src/charts/options/cumulative-option';
import { GAP_COLOURS, gapColour } from '../../src/charts/options/gap-colour';
import { buildRatioGaugeOption } from '../../src/charts/options/gauge-option';
import { buildHeatmapOption, heatmapMax } from '../../src/charts/options/heatmap-option';
import { buildMapOption } from '../../src/charts/options/map-option';
import { buildRankingOption, rankingData, rateAxisMax, unallocatedRows } from '../../src/charts/options/ranking-option';

const row = (code: string, rate: number | null, actual = 100): BreakdownRow => ({
  code,
  name: `u${code}`,
  allocation: rate === null ? null : 1000,
  actual,
  completionRate: rate,
  timeProgress: 0.5,
  lagging: rate !== null && rate < 0.5,
  rank: 1,
  recent: 10,
});

const series: Series = {
  asOf: '2019-11-30',
  indicator: 'T',
  throughMonth: '2019-10',
  target: 300,
  reporters: 1,
  points: [
    { month: '2019-08', reports: 1, value: 10, cumulative: 10, expected: 100, forecast: null },
    { month: '2019-09', reports: 1, value: 20, cumulative: 30, expected: 200, forecast: null },
    { month: '2019-10', reports: 1, value: 30, cumulative: 60, expected: 300, forecast: 60 },
    { month: '2019-11', reports: null, value: null, cumulative: null, expected: 300, forecast: 80 },
  ],
};

describe('a missing report in the monthly bars', () => {
  it('draws no bar and says 未报, not 0', () => {
    const missing: Series = {
      ...series,
      points: series.points.map((p, i) => (i === 1 ? { ...p, reports: 0, value: null } : p)),
    };
    const o = buildCumulativeOption(missing, { monthly: true });
    const bars = (o.series as BarSeriesOption[]).find((x) => x.type === 'bar');
    expect(bars?.data).toEqual([10, null, 30, null]);
    const fmt = bars?.tooltip?.valueFormatter as (v: unknown, i: number) => string;
    expect([fmt(10, 0), fmt(null, 1), fmt(null, 3)]).toEqual(['10', '未报', '—']);
  });
});

describe('gap colours', () => {
  it('green ahead, amber within 5 points, red further behind, grey without a target', () => {
    expect(gapColour(0.6, 0.5)).toBe(GAP_COLOURS.ahead);
    expect(gapColour(0.5, 0.5)).toBe(GAP_COLOURS.ahead);
    expect(gapColour(0.47, 0.5)).toBe(GAP_COLOURS.slightly);
    expect(gapColour(0.4, 0.5)).toBe(GAP_COLOURS.far);
    expect(gapColour(null, 0.5)).toBe(GAP_COLOURS.none);
  });
});

describe('cumulative option', () => {
  it('draws cumulative, forecast (dashed) and expected, with the target as a line', () => {
    const o = buildCumulativeOption(series);
    const s = o.series as {
      name: string;
      data: unknown[];
      lineStyle?: { type?: string };
      markLine?: { data: { yAxis: number }[] };
    }[];
    expect(s.map((x) => x.name)).toEqual(['累计完成', '期末预测', '应完成进度']);
    expect(s[0]?.data).toEqual([10, 30, 60, null]);
    expect(s[0]?.markLine?.data[0]?.yAxis).toBe(300);
    expect(s[1]?.data).toEqual([null, null, 60, 80]);
    expect(s[1]?.lineStyle?.type).toBe('dashed');
  });
  it('adds the monthly bars on a second axis when asked, each axis named', () => {
    const o = buildCumulativeOption(series, { monthly: true });
    const bars = (o.series as { type: string; yAxisIndex?: number; data: unknown[] }[]).find((x) => x.type === 'bar');
    expect(bars?.yAxisIndex).toBe(1);
    expect(bars?.data).toEqual([10, 20, 30, null]);
    expect((o.yAxis as { name: string }[]).map((a) => a.name)).toEqual(['累计完成', '当月']);
  });
  it('leaves the forecast (and its legend entry) out when there is nothing to forecast', () => {
    // At the window's end the API still sends the forecast's anchor: the last month, equal to the cumulative.
    const ended: Series = { ...series, points: series.points.map((p, i) => ({ ...p, forecast: i === 2 ? 60 : null })) };
    const names = (buildCumulativeOption(ended).series as { name: string }[]).map((x) => x.name);
    expect(names).toEqual(['累计完成', '应完成进度']);
  });
  it('writes English axis figures in k, not 万', () => {
    const o = buildCumulativeOption({ ...series, target: 190_000 }, { lang: 'en' });
    const s = (o.series as { markLine?: { label: { formatter: string } } }[])[0];
    expect(s?.markLine?.label.formatter).toBe('目标 190k');
  });
});

describe('ranking option', () => {
  it('ranks by completion rate (best on top), coloured by the gap, with a line at time progress', () => {
    const { mode, data } = rankingData([row('a', 0.3), row('b', 0.7), row('c', 0.49)], 0.5);
    expect(mode).toBe('rate');
    expect(data.map((d) => d.code)).toEqual(['a', 'c', 'b']);
    expect(data.map((d) => d.value)).toEqual([30, 49, 70]);
    expect(data[2]?.itemStyle.color).toBe(GAP_COLOURS.ahead);
    expect(data[1]?.itemStyle.color).toBe(GAP_COLOURS.slightly);
    const o = buildRankingOption([row('a', 0.3)], 0.5);
    const markLine = (o.series as { markLine?: { data: { xAxis: number }[] } }[])[0]?.markLine;
    expect(markLine?.data[0]?.xAxis).toBe(50);
  });
  it('keeps the time-progress line on the axis when every unit is far behind it', () => {
    expect(rateAxisMax([33.2, 75.7], 100)).toBe(120);
    expect(rateAxisMax([111.1], 100)).toBe(120);
    expect(rateAxisMax([190], 44.8)).toBe(200);
    expect(rateAxisMax([0], 0)).toBe(20);
    const o = buildRankingOption([row('a', 0.3)], 1);
    expect((o.xAxis as { max: number }).max).toBe(120);
  });
  it('leaves units without a target (未分解) out of a ranking by rate and lists them apart', () => {
    const rows = [row('a', 0.3), row('n', null, 500), row('b', 0.7)];
    const { mode, data } = rankingData(rows, 0.5);
    expect(mode).toBe('rate');
    expect(data.map((d) => d.code)).toEqual(['a', 'b']);
    expect(unallocatedRows(rows).map((r) => r.code)).toEqual(['n']);
    expect(unallocatedRows([row('x', null)])).toEqual([]);
  });
  it('falls back to volume when no unit has a target', () => {
    const { mode, data } = rankingData([row('a', null, 5), row('b', null, 9)], 0.5);
    expect(mode).toBe('actual');
    expect(data.map((d) => d.value)).toEqual([5, 9]);
  });
});

describe('heatmap option', () => {
  it('skips unreported months and colours cells on one scale', () => {
    const rows = [
      { code: 'x', name: 'X', values: [0, 50, null] },
      { code: 'y', name: 'Y', values: [100, null, null] },
    ];
    expect(heatmapMax(rows)).toBe(100);
    const o = buildHeatmapOption(['m1', 'm2', 'm3'], rows);
    const data = (o.series as { data: { value: number[]; itemStyle: { color: string } }[] }[])[0]?.data ?? [];
    expect(data.map((d) => d.value)).toEqual([
      [0, 0, 0],
      [1, 0, 50],
      [0, 1, 100],
    ]);
    expect(data[0]?.itemStyle.color).toBe(scaleColour(0, 100));
    expect(scaleColour(0, 100)).toBe('rgb(239,246,255)');
    expect(scaleColour(100, 100)).toBe('rgb(30,58,138)');
  });
});

describe('map and gauge options', () => {
  it('colours each county by its gap and keeps its code for the click', () => {
    const o = buildMapOption([row('450226', 0.3), row('450203', 0.9)], 'm');
    const s = (
      o.series as { map: string; data: { name: string; code: string; itemStyle: { areaColor: string } }[] }[]
    )[0];
    expect(s?.map).toBe('m');
    expect(s?.data.map((d) => [d.code, d.itemStyle.areaColor])).toEqual([
      ['450226', GAP_COLOURS.far],
      ['450203', GAP_COLOURS.ahead],
    ]);
  });
  it('marks the ratio target on the dial', () => {
    const o = buildRatioGaugeOption(0.2809, 0.28, 'R1');
    const s = (o.series as { data: { value: number }[]; axisLine: { lineStyle: { color: [number, string][] } } }[])[0];
    expect(s?.data[0]?.value).toBe(28.1);
    expect(s?.axisLine.lineStyle.color[0]?.[0]).toBeCloseTo(0.7);
  });
});
