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
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: t('cell'),
          dataIndex: 'cell',
          width: 72,
          render: (c: string | null) => (
            <code data-testid="roster-problem-cell" data-cell={c ?? ''}>
              {c ?? '—'}
            </code>
          ),
        },
        { title: t('rnRow'), dataIndex: 'row', width: 64, render: (r: number | null) => r ?? '—' },
        {
          title: t('rnColumn'),
          dataIndex: 'column',
          width: 100,
          render: (c: string | null) => c ?? '—',
        },
        { title: t('problemMessage'), dataIndex: 'message' },
      ]}
    />
  );
}
