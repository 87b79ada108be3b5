import type { Breakdown, BreakdownRow } from '@lz/shared/api/progress';
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { gapColour, gapOf } from '../../charts/options/gap-colour';
import { formatInteger, formatPercent, formatPoints } from '../../lib/format';
import { useI18n } from '../../lib/i18n/i18n';

/** A breakdown as a table; each name links to the next level (and the row is clickable too). */
export function BreakdownTable({
  breakdown,
  linkOf,
  testIdPrefix = 'drill',
}: {
  breakdown: Breakdown;
  linkOf: (row: BreakdownRow) => string | null;
  testIdPrefix?: string;
}) {
  const { t } = useI18n();
  const columns: ColumnsType<BreakdownRow> = [
    { title: t('rank'), dataIndex: 'rank', width: 64, sorter: (a, b) => a.rank - b.rank, defaultSortOrder: 'ascend' },
    {
      title: breakdown.by === 'county' ? t('county') : t('department'),
      dataIndex: 'name',
      render: (name: string, row) => {
        const to = linkOf(row);
        return to ? <Link to={to}>{name}</Link> : name;
      },
    },
    {
      title: t('allocation'),
      dataIndex: 'allocation',
      align: 'right',
      render: (v: number | null) => formatInteger(v),
      responsive: ['md'],
    },
    {
      title: t('actual'),
      dataIndex: 'actual',
      align: 'right',
      sorter: (a, b) => a.actual - b.actual,
      render: (v: number, row) => (
        <span data-testid={`${testIdPrefix}-actual-${row.code}`} data-value={v}>
          {formatInteger(v)}
        </span>
      ),
    },
    {
      title: t('completionRate'),
      dataIndex: 'completionRate',
      align: 'right',
      sorter: (a, b) => (a.completionRate ?? -1) - (b.completionRate ?? -1),
      render: (v: number | null, row) => (
        <Typography.Text style={{ color: gapColour(v, row.timeProgress) }}>{formatPercent(v)}</Typography.Text>
      ),
    },
    {
      title: t('timeProgress'),
      dataIndex: 'timeProgress',
      align: 'right',
      render: (v: number) => formatPercent(v),
      responsive: ['lg'],
    },
    {
      title: t('gap'),
      key: 'gap',
      align: 'right',
      sorter: (a, b) => (gapOf(a.completionRate, a.timeProgress) ?? 0) - (gapOf(b.completionRate, b.timeProgress) ?? 0),
      render: (_, row) => {
        const gap = gapOf(row.completionRate, row.timeProgress);
        return gap === null ? '—' : <Tag color={row.lagging ? 'red' : 'green'}>{formatPoints(gap)}</Tag>;
      },
    },
    {
      title: t('recent6'),
      dataIndex: 'recent',
      align: 'right',
      render: (v: number) => formatInteger(v),
      responsive: ['md'],
    },
  ];
  return (
    <Table<BreakdownRow>
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={breakdown.rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={2}>
            <b>{t('total')}</b>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            {formatInteger(breakdown.total.allocation)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">
            <b data-testid={`${testIdPrefix}-total`} data-value={breakdown.total.actual}>
              {formatInteger(breakdown.total.actual)}
            </b>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">
            {formatPercent(breakdown.total.completionRate)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={5} colSpan={3} />
        </Table.Summary.Row>
      )}
    />
  );
}
