import { canFileRoster } from '@lz/shared/access-policy';
import { Button, Select, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { PageToolbar } from '../../../components/page-toolbar';
import { QueryPanel } from '../../../components/query-panel';
import { formatMonth } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useUser } from '../../../lib/session/get-session';
import { useUrlParam } from '../../../lib/url-state';
import type { RosterSummary } from '../api/answers';
import { ROSTER_PAGE_SIZE, useRosters } from '../api/get-rosters';
import { MonthSelect } from './month-select';
import { useNames } from './use-names';

/**
 * 培训班列表: stored classes filtered by department, month and county, a page at a time; every filter is in
 * the URL, so reconciliation drills here with a link. The server narrows a reporter to its department and a
 * county user to its county, so those filters are not offered to them.
 */
export function RosterListPage() {
  const { t, lang } = useI18n();
  const user = useUser();
  const names = useNames();
  const [department, setDepartment] = useUrlParam('department');
  const [month, setMonth] = useUrlParam('month');
  const [county, setCounty] = useUrlParam('county');
  const [pageParam, setPage] = useUrlParam('page', '1');
  const page = Math.max(1, Number.parseInt(pageParam, 10) || 1);
  const rosters = useRosters({ department, month, county, page });
  const catalogue = names.catalogue.data;
  // A filter change starts again at the first page.
  const refilter = (set: (v: string | null) => void) => (v: string | null) => {
    set(v);
    setPage(null);
  };
  const uploadable = canFileRoster(user, user.department ?? '');
  return (
    <>
      <PageToolbar title={t('navRosters')}>
        {user.role !== 'reporter' && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            value={department || undefined}
            placeholder={t('department')}
            onChange={(v: string | undefined) => refilter(setDepartment)(v ?? null)}
            style={{ width: 200 }}
            aria-label={t('department')}
            data-testid="rosters-filter-department"
            options={(catalogue?.departments ?? [])
              .filter((d) => d.owesReports)
              .map((d) => ({ value: d.code, label: d.name }))}
          />
        )}
        <MonthSelect value={month} onChange={refilter(setMonth)} allowClear testId="rosters-filter-month" />
        {user.role !== 'county' && (
          <Select
            allowClear
            value={county || undefined}
            placeholder={t('county')}
            onChange={(v: string | undefined) => refilter(setCounty)(v ?? null)}
            style={{ width: 150 }}
            aria-label={t('county')}
            data-testid="rosters-filter-county"
            options={(catalogue?.units ?? []).map((u) => ({ value: u.code, label: u.name }))}
          />
        )}
        {uploadable && (
          <Link to="/rosters/upload">
            <Button type="primary">{t('navRosterUpload')}</Button>
          </Link>
        )}
      </PageToolbar>
      <QueryPanel query={rosters} isEmpty={(d) => d.items.length === 0} testId="rosters-list">
        {(data) => (
          <Table<RosterSummary>
            rowKey="id"
            size="small"
            dataSource={data.items}
            loading={rosters.isPlaceholderData}
            scroll={{ x: 'max-content' }}
            rowClassName={(r) => (r.status === 'withdrawn' ? 'muted' : '')}
            pagination={{
              current: data.page,
              pageSize: data.pageSize || ROSTER_PAGE_SIZE,
              total: data.total,
              showSizeChanger: false,
              showTotal: (n) => t('rnTotalClasses', n),
              onChange: (p) => setPage(String(p)),
            }}
            columns={[
              {
                title: t('rnOccupation'),
                key: 'occupation',
                render: (_, r) => (
                  <Link to={`/rosters/${r.id}`} data-testid={`roster-link-${r.id}`}>
                    {r.occupation} · {r.level}
                  </Link>
                ),
              },
              {
                title: t('department'),
                dataIndex: 'department',
                responsive: ['md'],
                render: (d: string) => names.department(d),
              },
              { title: t('rnInstitution'), dataIndex: 'institution', responsive: ['md'] },
              { title: t('rnPlace'), dataIndex: 'county', responsive: ['sm'], render: (c: string) => names.county(c) },
              { title: t('month'), dataIndex: 'month', render: (m: string) => formatMonth(m, lang) },
              {
                title: t('rnDates'),
                key: 'dates',
                responsive: ['lg'],
                render: (_, r) => `${r.startDate} ~ ${r.endDate}`,
              },
              { title: t('rnTrainees'), dataIndex: 'trainees', align: 'right' },
              {
                title: t('status'),
                dataIndex: 'status',
                render: (s: RosterSummary['status']) =>
                  s === 'withdrawn' ? <Tag>{t('rnWithdrawn')}</Tag> : <Tag color="green">{t('rnActive')}</Tag>,
              },
            ]}
          />
        )}
      </QueryPanel>
    </>
  );
}
