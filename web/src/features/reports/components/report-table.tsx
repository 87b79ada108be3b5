import type { ReportVersion } from '@lz/shared/api/reports';
import { formIndicators, type Catalogue } from '@lz/shared/catalogue';
import { Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatCell } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { groupedIndicators, IndicatorHeader } from './report-columns';
import { changedCells } from './version-diff';

interface Row {
  county: string;
  name: string;
  values: Record<string, number>;
  before?: Record<string, number>;
}

/**
 * A report's rows (counties) × the department's form columns, with the totals row. With `compareTo`,
 * cells that differ from that version are highlighted and show the earlier value.
 */
export function ReportTable({
  catalogue,
  version,
  compareTo,
  highlightCounty,
}: {
  catalogue: Catalogue;
  version: ReportVersion;
  compareTo?: ReportVersion;
  highlightCounty?: string;
}) {
  const { t } = useI18n();
  const form = formIndicators(catalogue, version.department);
  const groups = groupedIndicators(catalogue, form);
  const unitName = new Map(catalogue.units.map((u) => [u.code, u.name]));
  const changed = compareTo ? changedCells(compareTo, version) : null;
  const beforeRows = new Map(compareTo?.rows.map((r) => [r.county, r.values]));
  const rows: Row[] = version.rows.map((r) => ({
    county: r.county,
    name: unitName.get(r.county) ?? r.county,
    values: r.values,
    before: beforeRows.get(r.county),
  }));

  const columns: ColumnsType<Row> = [
    {
      title: t('county'),
      dataIndex: 'name',
      fixed: 'left',
      width: 120,
      render: (n: string) => <span style={{ whiteSpace: 'nowrap' }}>{n}</span>,
    },
    ...groups.map((g) => ({
      title: g.name,
      children: g.indicators.map((ind) => ({
        title: <IndicatorHeader indicator={ind} />,
        key: ind.code,
        align: 'right' as const,
        width: ind.valueType === 'money' ? 120 : 88,
        onCell: (row: Row) => ({ className: changed?.has(`${row.county}|${ind.code}`) ? 'cell-changed' : undefined }),
        render: (_: unknown, row: Row) => {
          const text = formatCell(row.values[ind.code] ?? 0, ind.valueType);
          if (!changed?.has(`${row.county}|${ind.code}`)) return text;
          return (
            <Tooltip title={`${formatCell(row.before?.[ind.code] ?? 0, ind.valueType)} → ${text}`}>
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so a keyboard shows the earlier value */}
              <span tabIndex={0}>{text}</span>
            </Tooltip>
          );
        },
      })),
    })),
  ];

  return (
    <Table<Row>
      rowKey="county"
      size="small"
      bordered
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowClassName={(r) => (r.county === highlightCounty ? 'row-highlight' : '')}
      summary={() => (
        <Table.Summary fixed="bottom">
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <b>{t('total')}</b>
            </Table.Summary.Cell>
            {form.map((ind, i) => (
              <Table.Summary.Cell key={ind.code} index={i + 1} align="right">
                <b data-testid={`report-total-${ind.code}`} data-value={version.totals[ind.code] ?? 0}>
                  {formatCell(version.totals[ind.code] ?? 0, ind.valueType)}
                </b>
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
