/**
 * ECharts on demand: one dynamic import shared by every chart (and the county map's registration), so it
 * is a chunk of its own that no route waits for before its first paint. A failed fetch may be retried.
 */
let pending: Promise<typeof import('./echarts')> | null = null;

export function loadEcharts(): Promise<typeof import('./echarts')> {
  pending ??= import('./echarts').catch((e: unknown) => {
    pending = null;
    throw e;
  });
  return pending;
}
