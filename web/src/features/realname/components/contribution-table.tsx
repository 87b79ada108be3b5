import type { Contribution } from '@lz/shared/api/rosters';
import { Table } from 'antd';
import { formatCell, formatMonth } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import type { Names } from './use-names';

/** What a class adds to its department's month: one line per indicator, named from the catalogue. */
export function ContributionTable({ contribution, names }: { contribution: Contribution; names: Names }) {
  const { t, lang } = useI18n();
  const rows = Object.entries(contribution.values).map(([code, value]) => ({ code, value }));
  return (
    <>
      <p className="muted" data-testid="roster-contribution-where">
        {t('contributionTo', formatMonth(contribution.month, lang), names.county(contribution.county))}
      </p>
      <Table
        data-testid="roster-contribution"
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('indicator'), dataIndex: 'code', render: (code: string) => names.indicator(code) },
          {
            title: t('rnAdds'),
            dataIndex: 'value',
            align: 'right',
            render: (v: number, r) => (
              <span data-testid={`contribution-${r.code}`}>{formatCell(v, names.valueType(r.code))}</span>
            ),
          },
        ]}
      />
    </>
  );
}
