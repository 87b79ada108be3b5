import { useMemo } from 'react';
import { EChart } from '../../../charts/echart';
import type { Series } from '@lz/shared/api/progress';
import { SCALE_GRADIENT } from '../../../charts/options/colour-scale';
import { buildHeatmapOption, heatmapMax } from '../../../charts/options/heatmap-option';
import { formatCount } from '../../../lib/format';
import { QueryPanel } from '../../../components/query-panel';
import { combineQueries } from '../../../components/query-state';
import { useI18n } from '../../../lib/i18n/i18n';
import { useCountySeries } from '../../../lib/progress/get-series';
import { useUnits } from '../../../lib/catalogue/get-catalogue';

/** County × month of one indicator: one /api/series call per county (twelve, cached). */
export function CountyHeatmapPanel({
  indicator,
  asOf,
  onPick,
}: {
  indicator: string;
  asOf?: string;
  onPick: (county: string, month: string) => void;
}) {
  const { t } = useI18n();
  const units = useUnits();
  const codes = useMemo(() => (units.data ?? []).map((u) => u.code), [units.data]);
  const series = useCountySeries(codes, { indicator, asOf }, codes.length > 0);
  const both = combineQueries(units, series);
  return (
    <QueryPanel query={both} title={t('heatmap')} isEmpty={([, s]) => s.length === 0} skeletonRows={8}>
      {([u, s]) => <Heatmap units={u} series={s} onPick={onPick} label={t('heatmap')} />}
    </QueryPanel>
  );
}

function Heatmap({
  units,
  series,
  onPick,
  label,
}: {
  units: { code: string; name: string }[];
  series: Series[];
  onPick: (county: string, month: string) => void;
  label: string;
}) {
  const months = useMemo(() => series[0]?.points.map((p) => p.month) ?? [], [series]);
  const rows = useMemo(
    () => units.map((u, i) => ({ code: u.code, name: u.name, values: series[i]?.points.map((p) => p.value) ?? [] })),
    [units, series],
  );
  const option = useMemo(() => buildHeatmapOption(months, rows), [months, rows]);
  const max = heatmapMax(rows);
  return (
    <>
      <EChart
        option={option}
        label={label}
        height={Math.max(260, rows.length * 24 + 50)}
        testId="county-heatmap"
        onClick={(e) => {
          const v = e.value as [number, number, number] | undefined;
          const row = v ? rows[v[1]] : undefined;
          const month = v ? months[v[0]] : undefined;
          if (row && month) onPick(row.code, month);
        }}
      />
      <div
        style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 8, fontSize: 12 }}
        aria-hidden="true"
      >
        <span>0</span>
        <span style={{ width: 160, height: 10, borderRadius: 2, background: SCALE_GRADIENT }} />
        <span>{formatCount(max)}</span>
      </div>
    </>
  );
}
