import type { ReconciliationSummaryRow } from '@lz/shared/api/rosters';
import { Select, Table } from 'antd';
import { Link } from 'react-router-dom';
import { PageToolbar } from '../../../components/page-toolbar';
import { QueryPanel } from '../../../components/query-panel';
import { useCampaign } from '../../../lib/catalogue/get-catalogue';
import { useServerClock } from '../../../lib/clock/get-clock';
import { formatInteger, formatPercent, formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useReconciliation } from '../../../lib/realname/get-reconciliation';
import { useUser } from '../../../lib/session/get-session';
import { useUrlParam } from '../../../lib/url-state';
import { useReconciliationSummary } from '../api/get-reconciliation-summary';
import { MonthSelect } from './month-select';
import { differenceLevel, openingMonth } from '../../../lib/realname/reconciliation-levels';
import { levelStyle, ReconciliationCells } from './reconciliation-cells';
import { useNames } from './use-names';

/** Reports above their rosters first (largest first), the rest in catalogue order: inspectors start there. */
function overFirst(list: ReconciliationSummaryRow[]): ReconciliationSummaryRow[] {
  const over = (r: ReconciliationSummaryRow) =>
    differenceLevel(r.personTimes) === 'over' ? (r.personTimes.difference ?? 0) : 0;
  return list
    .map((r, i) => ({ r, i }))
    .sort((a, b) => over(b.r) - over(a.r) || a.i - b.i)
    .map((x) => x.r);
}

type Figure = { rosters: number; reported: number | null; difference: number | null };

function Difference({ f, money, testId }: { f: Figure; money?: boolean; testId?: string }) {
  const { lang } = useI18n();
  const level = differenceLevel(f);
  const show = (n: number | null) => (money ? formatYuan(n, lang) : formatInteger(n));
  return (
    <span style={{ ...levelStyle[level], padding: '0 4px' }} data-testid={testId} data-level={level}>
      {f.difference === null ? '—' : `${f.difference > 0 ? '+' : ''}${show(f.difference)}`}
    </span>
  );
}

/**
 * 花名册核对: for a month, each department's report against its rosters (person-times and training subsidy),
 * a report above its rosters in red; one department opens county × indicator, and from there its rosters.
 * Leaders read these aggregates only, so they get no drill to the classes.
 */
export function ReconciliationPage() {
  const { t } = useI18n();
  const user = useUser();
  const names = useNames();
  const campaign = useCampaign();
  const catalogue = names.catalogue.data;
  const [monthParam, setMonth] = useUrlParam('month');
  const [picked, setDepartment] = useUrlParam('department');
  const clock = useServerClock();
  const month =
    monthParam || (campaign.data ? openingMonth(clock.data?.now, campaign.data.start, campaign.data.end) : '');
  const department = user.role === 'reporter' ? (user.department ?? '') : picked;
  const drillable = user.role !== 'leader';
  const reporting = (catalogue?.departments ?? []).filter((d) => d.owesReports);
  // One call for every department the viewer may see (the server scopes a reporter to its own).
  const summary = useReconciliationSummary({ month });
  const detail = useReconciliation({ department, month });
  // Until the catalogue names the departments there is nothing to show them by: wait, rather than show "empty".
  const overviewQuery = catalogue && month ? summary : { ...names.catalogue, data: undefined };
  return (
    <>
      <PageToolbar title={t('navReconciliation')}>
        <MonthSelect value={month} onChange={setMonth} testId="rec-month" />
        {user.role !== 'reporter' && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            value={department || undefined}
            placeholder={t('department')}
            onChange={(v: string | undefined) => setDepartment(v ?? null)}
            style={{ width: 200 }}
            aria-label={t('department')}
            data-testid="rec-department"
            options={reporting.map((d) => ({ value: d.code, label: d.name }))}
          />
        )}
      </PageToolbar>
      <QueryPanel
        query={overviewQuery}
        title={t('rnByDepartment')}
        testId="rec-overview"
        isEmpty={(r) => r.length === 0}
      >
        {(list) => (
          <Table<ReconciliationSummaryRow>
            rowKey="department"
            size="small"
            pagination={false}
            dataSource={overFirst(list)}
            scroll={{ x: 'max-content' }}
            rowClassName={(r) => (r.department === department ? 'row-highlight' : '')}
            onRow={(r) => ({ onClick: () => setDepartment(r.department), style: { cursor: 'pointer' } })}
            columns={[
              {
                title: t('department'),
                dataIndex: 'department',
                render: (d: string) => <span data-testid={`rec-row-${d}`}>{names.department(d)}</span>,
              },
              {
                title: t('rnRosterPersonTimes'),
                key: 'pr',
                align: 'right',
                render: (_, r) => formatInteger(r.personTimes.rosters),
              },
              {
                title: t('rnReportedPersonTimes'),
                key: 'pp',
                align: 'right',
                render: (_, r) => formatInteger(r.personTimes.reported),
              },
              {
                title: t('rnDifference'),
                key: 'pd',
                align: 'right',
                render: (_, r) => <Difference f={r.personTimes} testId={`rec-diff-${r.department}`} />,
              },
              {
                title: t('rnCoverage'),
                key: 'cov',
                align: 'right',
                render: (_, r) => formatPercent(r.personTimes.coverage),
              },
              {
                title: t('rnSubsidyDifference'),
                key: 'sd',
                align: 'right',
                responsive: ['md'],
                render: (_, r) => <Difference f={r.trainingSubsidy} money />,
              },
              ...(drillable
                ? [
                    {
                      title: t('actions'),
                      key: 'drill',
                      render: (_: unknown, r: ReconciliationSummaryRow) => (
                        <Link
                          to={`/rosters?department=${r.department}&month=${r.month}`}
                          onClick={(e) => e.stopPropagation()}
                          data-testid={`rec-drill-${r.department}`}
                        >
                          {t('rnSeeRosters')}
                        </Link>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryPanel>
      {department !== '' && catalogue && (
        <QueryPanel query={detail} title={`${names.department(department)} · ${t('rnByCounty')}`} testId="rec-detail">
          {(rec) => <ReconciliationCells rec={rec} catalogue={catalogue} names={names} drillable={drillable} />}
        </QueryPanel>
      )}
    </>
  );
}
