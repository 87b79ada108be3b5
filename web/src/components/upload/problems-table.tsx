import type { Catalogue } from '@lz/shared/catalogue';
import type { Problem } from '@lz/shared/problems';
import { indicatorLabel } from '@lz/shared/report-body';
import { Table } from 'antd';
import { useI18n } from '../../lib/i18n/i18n';

/** Rule failures or warnings, each against its cell, county row and indicator column. */
export function ProblemsTable({
  problems,
  catalogue,
  onPick,
  testId,
}: {
  problems: Problem[];
  catalogue: Catalogue;
  onPick?: (p: Problem) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const unitName = new Map(catalogue.units.map((u) => [u.code, u.name]));
  const indicators = new Map(catalogue.indicators.map((i) => [i.code, i]));
  return (
    <Table<Problem & { key: number }>
      data-testid={testId}
      size="small"
      pagination={problems.length > 20 ? { pageSize: 20 } : false}
      dataSource={problems.map((p, key) => ({ ...p, key }))}
      scroll={{ x: 'max-content' }}
      onRow={(p) => (onPick ? { onClick: () => onPick(p), style: { cursor: 'pointer' } } : {})}
      columns={[
        { title: t('cell'), dataIndex: 'cell', width: 72, render: (c?: string) => c ?? '—' },
        {
          title: t('county'),
          dataIndex: 'county',
          width: 130,
          render: (c: string | null) => (c ? (unitName.get(c) ?? c) : '—'),
        },
        {
          title: t('indicator'),
          dataIndex: 'indicator',
          width: 180,
          render: (code: string | null) => {
            if (!code) return '—';
            return code
              .split(',')
              .map((c) => {
                const ind = indicators.get(c);
                return ind ? indicatorLabel(ind) : c;
              })
              .join('、');
          },
        },
        { title: t('problemMessage'), dataIndex: 'message' },
      ]}
    />
  );
}
