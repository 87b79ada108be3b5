import type { Reconciliation } from '@lz/shared/api/rosters';
import type { Catalogue } from '@lz/shared/catalogue';
import { Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { formatCell } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import type { DifferenceLevel } from '../../../lib/realname/reconciliation-levels';
import { reconciliationTable } from './reconciliation-model';
import type { Names } from './use-names';

/** Above its rosters is what inspectors look at first: red; below: amber; no report: grey. */
export const levelStyle: Record<DifferenceLevel, { background?: string; color?: string }> = {
  over: { background: '#fee2e2', color: '#b91c1c' },
  under: { background: '#fef3c7', color: '#92400e' },
  equal: {},
  unreported: { color: '#94a3b8' },
};

/** One department × month, county by indicator: rosters / reported, the difference where there is one. */
export function ReconciliationCells({
  rec,
  catalogue,
  names,
  drillable,
}: {
  rec: Reconciliation;
  catalogue: Catalogue;
  names: Names;
  drillable: boolean;
}) {
  const { t } = useI18n();
  const table = reconciliationTable(rec, catalogue);
  type Row = (typeof table.rows)[number];
  const columns: ColumnsType<Row> = [
    {
      title: t('county'),
      key: 'county',
      fixed: 'left',
      width: 120,
      render: (_, r) =>
        drillable ? (
          <Link to={`/rosters?department=${rec.department}&month=${rec.month}&county=${r.county}`}>
            {names.county(r.county)}
          </Link>
        ) : (
          names.county(r.county)
        ),
    },
    ...table.indicators.map((code) => ({
      title: names.indicator(code),
      key: code,
      align: 'right' as const,
      render: (_: unknown, r: Row) => {
        const c = r.cells[code];
        if (!c) return '—';
        const type = names.valueType(code);
        const diff = c.difference === null ? '' : `${c.difference > 0 ? '+' : ''}${formatCell(c.difference, type)}`;
        return (
          <Tooltip
            title={[
              `${t('rnRosters')} ${formatCell(c.rosters, type)}`,
              `${t('rnReported')} ${formatCell(c.reported, type)}`,
            ].join(' · ')}
          >
            <div
              style={{ ...levelStyle[c.level], padding: '0 4px', whiteSpace: 'nowrap' }}
              data-testid={`rec-cell-${r.county}-${code}`}
              data-level={c.level}
            >
              {formatCell(c.rosters, type)} / {formatCell(c.reported, type)}
              {c.level === 'over' || c.level === 'under' ? <div style={{ fontSize: 12 }}>{diff}</div> : null}
            </div>
          </Tooltip>
        );
      },
    })),
  ];
  return (
    <>
      <p className="muted" data-testid="rec-over-count" data-value={table.overCount}>
        {t('rnCellsLegend')} {table.overCount > 0 ? t('rnOverCells', table.overCount) : ''}
      </p>
      <Table<Row>
        data-testid="rec-cells"
        rowKey="county"
        size="small"
        bordered
        columns={columns}
        dataSource={table.rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}
