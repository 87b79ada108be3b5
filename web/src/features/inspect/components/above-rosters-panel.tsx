import type { Reconciliation } from '@lz/shared/api/rosters';
import { Table } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { QueryPanel } from '../../../components/query-panel';
import { combineQueries } from '../../../components/query-state';
import { useCatalogue } from '../../../lib/catalogue/get-catalogue';
import { useServerClock } from '../../../lib/clock/get-clock';
import { formatInteger, formatMonth } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { reconciliationQuery } from '../../../lib/realname/get-reconciliation';
import { differenceLevel, openingMonth } from '../../../lib/realname/reconciliation-levels';

/**
 * Reports above their rosters, for the month in view: what inspectors look at first (#15). Each department's
 * reconciliation is asked once (the same cache entries as the 花名册核对 page); only those over are listed.
 */
export function AboveRostersPanel({ month: picked }: { month: string }) {
  const { t, lang } = useI18n();
  const catalogue = useCatalogue();
  const clock = useServerClock();
  const c = catalogue.data;
  const month = picked || (c ? openingMonth(clock.data?.now, c.campaign.start, c.campaign.end) : '');
  const departments = (c?.departments ?? []).filter((d) => d.owesReports);
  const queries = useQueries({
    queries: departments.map((d) => ({ ...reconciliationQuery({ department: d.code, month }), enabled: month !== '' })),
  });
  const name = new Map(departments.map((d) => [d.code, d.name]));
  const query = c && month ? combineQueries(...queries) : { ...catalogue, data: undefined };
  const over = (list: Reconciliation[]) =>
    list
      .filter((r) => differenceLevel(r.summary.personTimes) === 'over')
      .sort((a, b) => (b.summary.personTimes.difference ?? 0) - (a.summary.personTimes.difference ?? 0));
  return (
    <QueryPanel
      query={query}
      title={`${t('aboveRosters')} · ${formatMonth(month, lang)}`}
      testId="inspect-above-rosters"
      isEmpty={(list) => over(list).length === 0}
      emptyText={t('noneAboveRosters')}
    >
      {(list) => (
        <Table<Reconciliation>
          rowKey="department"
          size="small"
          pagination={false}
          dataSource={over(list)}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('department'),
              dataIndex: 'department',
              render: (d: string) => (
                <Link to={`/reconciliation?department=${d}&month=${month}`} data-testid={`above-rosters-${d}`}>
                  {name.get(d) ?? d}
                </Link>
              ),
            },
            {
              title: t('rnReportedPersonTimes'),
              key: 'reported',
              align: 'right',
              render: (_, r) => formatInteger(r.summary.personTimes.reported),
            },
            {
              title: t('rnRosterPersonTimes'),
              key: 'rosters',
              align: 'right',
              render: (_, r) => formatInteger(r.summary.personTimes.rosters),
            },
            {
              title: t('rnDifference'),
              key: 'difference',
              align: 'right',
              render: (_, r) => <b style={{ color: '#b91c1c' }}>+{formatInteger(r.summary.personTimes.difference)}</b>,
            },
          ]}
        />
      )}
    </QueryPanel>
  );
}
