import type { ReportMonth } from '@lz/shared/api/reports';
import { Select, Table, Tabs, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { PageToolbar } from '../../../components/page-toolbar';
import { QueryPanel } from '../../../components/query-panel';
import { StatusTag } from '../../../components/status-tag';
import { formatDateTime, formatInteger, formatMonth } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useUrlParam } from '../../../lib/url-state';
import { useDepartments } from '../../../lib/catalogue/get-catalogue';
import { useReportMonths } from '../../../lib/reports/get-report-months';
import { ReviewActions } from './review-actions';
import { useTimeZone } from '../../../lib/catalogue/use-time-zone';

/**
 * The statistics office's queue: submitted reports to accept or return; returned ones waiting; accepted ones to
 * unlock.
 */
export function ReviewPage() {
  const { t, lang } = useI18n();
  const zone = useTimeZone();
  const [status, setStatus] = useUrlParam('status', 'submitted');
  const [department, setDepartment] = useUrlParam('department');
  const departments = useDepartments();
  const names = new Map((departments.data ?? []).map((d) => [d.code, d.name]));
  const list = useReportMonths({ status, department: department || undefined });

  return (
    <>
      <PageToolbar title={t('navReview')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('department')}
          value={department || undefined}
          onChange={(v?: string) => setDepartment(v ?? null)}
          style={{ width: 220 }}
          aria-label={t('department')}
          options={(departments.data ?? []).filter((d) => d.owesReports).map((d) => ({ value: d.code, label: d.name }))}
        />
      </PageToolbar>
      <Tabs
        activeKey={status}
        onChange={setStatus}
        items={(['submitted', 'returned', 'accepted', 'overdue'] as const).map((s) => ({
          key: s,
          label: <StatusTag status={s} />,
        }))}
      />
      <QueryPanel query={list} isEmpty={(l) => l.length === 0} emptyText={t('reviewQueueEmpty')} testId="review-list">
        {(rows) => (
          <Table<ReportMonth>
            rowKey={(r) => `${r.department}/${r.month}`}
            size="small"
            dataSource={[...rows].sort(
              (a, b) => b.month.localeCompare(a.month) || a.department.localeCompare(b.department),
            )}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('department'), dataIndex: 'department', render: (d: string) => names.get(d) ?? d },
              { title: t('month'), dataIndex: 'month', render: (m: string) => formatMonth(m, lang) },
              { title: t('version'), dataIndex: 'version', render: (v: number | null) => v ?? '—' },
              {
                title: t('submittedAt'),
                dataIndex: 'lastSubmittedAt',
                render: (v: string | null) => formatDateTime(v, zone),
              },
              {
                title: t('onTime'),
                dataIndex: 'onTime',
                render: (v: boolean | null) =>
                  v === null ? '—' : v ? <Tag color="green">{t('onTime')}</Tag> : <Tag color="red">{t('late')}</Tag>,
              },
              { title: 'T', dataIndex: 'total', align: 'right', render: (v: number | null) => formatInteger(v) },
              {
                title: t('warnings'),
                dataIndex: 'warnings',
                render: (n: number) => (n ? <Tag color="orange">{n}</Tag> : '—'),
              },
              {
                title: t('reason'),
                dataIndex: 'statusReason',
                render: (r: string | null) => r ?? '—',
                responsive: ['lg'],
              },
              {
                title: t('actions'),
                key: 'actions',
                render: (_, r) => (
                  <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
                    <Link to={`/reports/${r.department}/${r.month}`}>{t('view')}</Link>
                    <ReviewActions department={r.department} month={r.month} status={r.status} version={r.version} />
                  </span>
                ),
              },
            ]}
          />
        )}
      </QueryPanel>
    </>
  );
}
