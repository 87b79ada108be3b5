import { Table } from 'antd';
import { useI18n } from '../../../lib/i18n/i18n';
import type { LocatedProblem } from './problem-cells';

/** Every problem of a refused roster at its sheet cell (`D7`), or its row and field when no cell applies. */
export function RosterProblemsTable({ problems }: { problems: LocatedProblem[] }) {
  const { t } = useI18n();
  return (
    <Table<LocatedProblem & { key: number }>
      data-testid="roster-problems"
      size="small"
      pagination={problems.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      dataSource={problems.map((p, key) => ({ ...p, key }))}
      columns={[
        {
          title: t('cell'),
          dataIndex: 'cell',
          width: 72,
          // Without a sheet cell (a whole-file problem, a JSON field) the row is where to look.
          render: (c: string | null, p) => (
            <code data-testid="roster-problem-cell" data-cell={c ?? ''}>
              {c ?? (p.row === null ? '—' : t('rnRowN', p.row))}
            </code>
          ),
        },
        { title: t('rnRow'), dataIndex: 'row', width: 64, responsive: ['md'], render: (r: number | null) => r ?? '—' },
        {
          title: t('rnColumn'),
          dataIndex: 'column',
          width: 100,
          responsive: ['md'],
          render: (c: string | null) => c ?? '—',
        },
        { title: t('problemMessage'), dataIndex: 'message' },
      ]}
    />
  );
}
