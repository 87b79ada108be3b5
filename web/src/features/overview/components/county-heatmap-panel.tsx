import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { EChart } from '../../../charts/echart';
import type { Series } from '@lz/shared/api/progress';
import { SCALE_GRADIENT } from '../../../charts/options/colour-scale';
import { buildHeatmapOption, heatmapMax } from '../../../charts/options/heatmap-option';
import { formatCount, formatInteger, formatMonth } from '../../../lib/format';
import { QueryPanel } from '../../../components/query-panel';
import { combineQueries } from '../../../components/query-state';
import { useI18n } from '../../../lib/i18n/i18n';
import { useCountySeries } from '../../../lib/progress/get-series';
import { useUnits } from '../../../lib/catalogue/get-catalogue';

/** A carried search (`?month=…&indicator=…`) with the as-of month set to `month`: that county as of that month. */
export function withMonth(carried: string, month: string): string {
  const params = new URLSearchParams(carried);
  params.set('month', month);
  return `?${params.toString()}`;
}

/**
 * County × month of one indicator: one /api/series call per county (twelve, cached). A cell opens that county
 * as of that month; the same links sit in a table below the chart for the keyboard.
 */
export function CountyHeatmapPanel({
  indicator,
  asOf,
  countyMonthLink,
}: {
  indicator: string;
  asOf?: string;
  countyMonthLink: (county: string, month: string) => string;
}) {
  const navigate = useNavigate();
  const onPick = (county: string, month: string) => navigate(countyMonthLink(county, month));
  const { t } = useI18n();
  const units = useUnits();
  const codes = useMemo(() => (units.data ?? []).map((u) => u.code), [units.data]);
  const series = useCountySeries(codes, { indicator, asOf }, codes.length > 0);
  const both = combineQueries(units, series);
  return (
    <QueryPanel query={both} title={t('heatmap')} isEmpty={([, s]) => s.length === 0} skeletonRows={8}>
      {([u, s]) => (
        <>
          <Heatmap units={u} series={s} onPick={onPick} label={t('heatmap')} />
          <HeatmapTable units={u} series={s} link={countyMonthLink} summary={t('asTable')} />
        </>
      )}
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

/** The heatmap's cells as links, collapsed under the chart, so every drill-down is reachable from a keyboard. */
function HeatmapTable({
  units,
  series,
  link,
  summary,
}: {
  units: { code: string; name: string }[];
  series: Series[];
  link: (county: string, month: string) => string;
  summary: string;
}) {
  const { t } = useI18n();
  const months = series[0]?.points.filter((p) => p.reports !== null).map((p) => p.month) ?? [];
  return (
    <details className="chart-table" data-testid="county-heatmap-table">
      <summary>{summary}</summary>
      <div style={{ overflowX: 'auto' }}>
        <table className="plain-table">
          <thead>
            <tr>
              <th />
              {months.map((m) => (
                <th key={m}>{formatMonth(m)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {units.map((u, i) => (
              <tr key={u.code}>
                <th>{u.name}</th>
                {months.map((m, j) => {
                  const v = series[i]?.points[j]?.value ?? null;
                  return (
                    <td key={m}>
                      <Link to={link(u.code, m)} aria-label={`${u.name} ${formatMonth(m)}`}>
                        {v === null ? t('notReported') : formatInteger(v)}
                      </Link>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
