import type { Breakdown, Compliance, Progress } from '@lz/shared/api/progress';
import { formatInteger, formatPercent, formatPoints } from '../../../lib/format';

export function TargetsTable({ progress }: { progress: Progress }) {
  return (
    <table>
      <thead>
        <tr>
          <th>目标</th>
          <th>目标值</th>
          <th>累计完成</th>
          <th>完成率</th>
          <th>时序进度</th>
          <th>期末预测</th>
        </tr>
      </thead>
      <tbody>
        {progress.targets.map((x) => {
          const ratio = x.kind === 'ratio';
          return (
            <tr key={x.code}>
              <td>
                {x.name}
                {x.kind === 'per-year' ? '（本年度）' : ''}
              </td>
              <td className="num">{ratio ? `≥${formatPercent(x.target)}` : `${formatInteger(x.target)} ${x.unit}`}</td>
              <td className="num" data-testid={`bulletin-${x.code}-actual`} data-value={x.actual ?? ''}>
                {ratio ? formatPercent(x.actual) : formatInteger(x.actual)}
              </td>
              <td className={`num ${x.lagging ? 'lag' : ''}`}>
                {ratio ? (x.lagging ? '未达标' : '达标') : formatPercent(x.completionRate)}
              </td>
              <td className="num">{ratio ? '—' : formatPercent(x.timeProgress)}</td>
              <td className="num">{ratio ? '—' : formatInteger(x.forecast)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function RankTable({ breakdown, label }: { breakdown: Breakdown; label: string }) {
  const rows = [...breakdown.rows].sort((a, b) => a.rank - b.rank);
  return (
    <table>
      <thead>
        <tr>
          <th>名次</th>
          <th>{label}</th>
          <th>累计</th>
          <th>完成率</th>
          <th>差(百分点)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.code} className={r.lagging ? 'lag' : ''}>
            <td className="num">{r.rank}</td>
            <td>{r.name}</td>
            <td className="num">{formatInteger(r.actual)}</td>
            <td className="num">{formatPercent(r.completionRate)}</td>
            <td className="num">
              {formatPoints(r.completionRate === null ? null : r.completionRate - r.timeProgress)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The month's late and missing reporting units. */
export function LateMissing({
  compliance,
  month,
  names,
}: {
  compliance: Compliance;
  month: string;
  names: Map<string, string>;
}) {
  const cells = compliance.cells.filter((c) => c.month === month);
  const missing = cells.filter((c) => c.status === 'missing');
  const late = cells.filter((c) => c.onTime === false);
  const rate = compliance.byMonth.find((m) => m.month === month);
  const list = (xs: typeof cells) =>
    xs.length ? xs.map((c) => names.get(c.department) ?? c.department).join('、') : '无';
  return (
    <>
      <p>
        本月应报 {rate?.expected ?? '—'} 个单位，已报 {rate?.submitted ?? '—'} 个，报送率{' '}
        {formatPercent(rate?.reportingRate)}，及时率 {formatPercent(rate?.onTimeRate)}。
      </p>
      <table>
        <tbody>
          <tr>
            <th style={{ width: 80 }}>缺报单位</th>
            <td data-testid="bulletin-missing" data-value={missing.length}>
              {list(missing)}
            </td>
          </tr>
          <tr>
            <th>迟报单位</th>
            <td data-testid="bulletin-late" data-value={late.length}>
              {list(late)}
            </td>
          </tr>
        </tbody>
      </table>
    </>
  );
}

/**
 * The reports whose figures the bulletin counts though the office has not yet accepted them (submitted or
 * returned and not yet replaced): this month's by name, earlier months as a count.
 */
export function UnacceptedNote({
  compliance,
  month,
  names,
}: {
  compliance: Compliance;
  month: string;
  names: Map<string, string>;
}) {
  const open = compliance.cells.filter(
    (c) => c.month <= month && (c.status === 'submitted' || c.status === 'returned'),
  );
  const now = open.filter((c) => c.month === month);
  const earlier = open.length - now.length;
  return (
    <p className="bulletin-note" data-testid="bulletin-unaccepted" data-value={open.length}>
      注：
      {open.length === 0
        ? '本期统计的报表均已审核。'
        : `本期统计含尚未审核的报表 ${open.length} 份` +
          (now.length
            ? `，其中本月 ${now.length} 份（${now.map((c) => names.get(c.department) ?? c.department).join('、')}）`
            : '') +
          (earlier ? `，以前月份 ${earlier} 份` : '') +
          '，数据以审核后为准。'}
    </p>
  );
}
