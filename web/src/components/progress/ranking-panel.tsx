import type { Breakdown, BreakdownQuery } from '@lz/shared/api/progress';
import { useMemo } from 'react';
import { EChart } from '../../charts/echart';
import { buildRankingOption, type RankingDatum, unallocatedRows } from '../../charts/options/ranking-option';
import { QueryPanel } from '../query-panel';
import { formatCount, formatPercent } from '../../lib/format';
import { useI18n } from '../../lib/i18n/i18n';
import { useBreakdown } from '../../lib/progress/get-breakdown';

function RankingChart({
  breakdown,
  onPick,
  label,
}: {
  breakdown: Breakdown;
  onPick: (code: string) => void;
  label: string;
}) {
  const { t, lang } = useI18n();
  const option = useMemo(
    () => buildRankingOption(breakdown.rows, breakdown.timeProgress, { timeProgress: t('timeProgress') }, lang),
    [breakdown, t, lang],
  );
  const apart = unallocatedRows(breakdown.rows);
  const height = Math.max(220, (breakdown.rows.length - apart.length) * 26 + 40);
  return (
    <>
      <EChart
        option={option}
        label={label}
        height={height}
        testId={`ranking-${breakdown.by}`}
        onClick={(e) => {
          const d = e.data as RankingDatum | undefined;
          if (d?.code) onPick(d.code);
        }}
      />
      <details className="chart-table" data-testid={`ranking-${breakdown.by}-table`}>
        <summary>{t('asTable')}</summary>
        <table>
          <tbody>
            {breakdown.rows.map((r) => (
              <tr key={r.code}>
                <th>
                  <button type="button" className="link-button" onClick={() => onPick(r.code)}>
                    {r.name}
                  </button>
                </th>
                <td>{formatCount(r.actual, lang)}</td>
                <td>{r.completionRate === null ? t('unallocatedShort') : formatPercent(r.completionRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {apart.length > 0 && (
        <p className="muted" style={{ fontSize: 12, margin: '4px 0 0' }} data-testid={`ranking-${breakdown.by}-apart`}>
          {t('unallocated')}：
          {apart.map((r, i) => (
            <span key={r.code}>
              {i > 0 ? '、' : ''}
              <button type="button" className="link-button" onClick={() => onPick(r.code)}>
                {r.name}
              </button>
            </span>
          ))}
        </p>
      )}
    </>
  );
}

/** Units ranked by completion, coloured by how far ahead or behind; a bar leads to the unit's drill-down. */
export function RankingPanel({
  params,
  title,
  onPick,
  footer,
}: {
  params: BreakdownQuery;
  title: string;
  onPick: (code: string) => void;
  footer?: (b: Breakdown) => React.ReactNode;
}) {
  const breakdown = useBreakdown(params);
  return (
    <QueryPanel query={breakdown} title={title} isEmpty={(b) => b.rows.length === 0} skeletonRows={8}>
      {(b) => (
        <>
          <RankingChart breakdown={b} onPick={onPick} label={title} />
          {footer?.(b)}
        </>
      )}
    </QueryPanel>
  );
}
