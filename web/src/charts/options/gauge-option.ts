import type { GaugeSeriesOption } from 'echarts/charts';
import type { ComposeOption } from 'echarts/core';

export type GaugeOption = ComposeOption<GaugeSeriesOption>;

/** A ratio against its floor (28% / 26%): the dial turns green past the target, amber below. */
export function buildRatioGaugeOption(value: number | null, target: number, name: string, max = 0.4): GaugeOption {
  const pct = value === null ? 0 : Math.round(value * 1000) / 10;
  return {
    series: [
      {
        type: 'gauge',
        min: 0,
        max: max * 100,
        startAngle: 210,
        endAngle: -30,
        radius: '92%',
        center: ['50%', '58%'],
        splitNumber: 4,
        axisLine: {
          lineStyle: {
            width: 14,
            color: [
              [target / max, '#f59e0b'],
              [1, '#16a34a'],
            ],
          },
        },
        pointer: { width: 5, itemStyle: { color: '#1e293b' } },
        axisTick: { show: false },
        splitLine: { length: 10, lineStyle: { color: '#fff', width: 2 } },
        axisLabel: { show: false },
        title: { offsetCenter: [0, '78%'], fontSize: 13 },
        detail: {
          offsetCenter: [0, '42%'],
          fontSize: 22,
          fontWeight: 'bold',
          formatter: (v: number) => (value === null ? '—' : `${v.toFixed(1)}%`),
        },
        data: [{ value: pct, name }],
      },
    ],
  };
}
