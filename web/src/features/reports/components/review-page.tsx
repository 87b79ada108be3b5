import type { ReportMonth } from '@lz/shared/api/reports';
import { message as antMessage, Alert, Button, Popconfirm, Select, Table, Tabs, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { PageToolbar } from '../../../components/page-toolbar';
import { QueryPanel } from '../../../components/query-panel';
import { ApiRequestError } from '../../../lib/api-client';
import { StatusTag } from '../../../components/status-tag';
import { formatDateTime, formatInteger, formatMonth } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useUrlParam } from '../../../lib/url-state';
import { useDepartments } from '../../../lib/catalogue/get-catalogue';
import { useReportMonths } from '../../../lib/reports/get-report-months';
import { useAcceptReports } from '../api/accept-reports';
import { useSendReminders } from '../api/send-reminders';
import { useReminders } from '../../../lib/reminders/get-reminders';
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
  const [toast, toastHolder] = antMessage.useMessage();
  const batch = useAcceptReports();
  // Batch accept takes only reports without warnings, each at the version shown here.
  const clean = (list.data ?? []).filter((r) => r.status === 'submitted' && r.warnings === 0 && r.version !== null);
  const remind = useSendReminders();
  const reminders = useReminders(status === 'overdue');
  const overdue = status === 'overdue' ? (list.data ?? []).filter((r) => r.status === 'overdue') : [];
  const remindersOf = (r: ReportMonth) =>
    (reminders.data ?? []).filter((x) => x.department === r.department && x.month === r.month);
  // One request per month: the API chases one month's late departments at a time.
  const remindRows = async (rows: ReportMonth[]) => {
    const byMonth = new Map<string, ReportMonth[]>();
    for (const r of rows) byMonth.set(r.month, [...(byMonth.get(r.month) ?? []), r]);
    let sent = 0;
    try {
      for (const [month, group] of byMonth)
        sent += (await remind.mutateAsync({ month, departments: group.map((r) => r.department) })).sent;
      toast.success(t('remindSent', String(sent)));
    } catch (e) {
      toast.error((e as Error).message);
    }
  };
  const acceptClean = () =>
    batch.mutate(
      clean.map((r) => ({ department: r.department, month: r.month, version: r.version ?? 0 })),
      { onSuccess: (res) => toast.success(t('batchAccepted', String(res.accepted))) },
    );

  return (
    <>
      {toastHolder}
      <PageToolbar title={t('navReview')}>
        {status === 'overdue' && (
          <Popconfirm title={t('remindAll', String(overdue.length))} onConfirm={() => remindRows(overdue)}>
            <Button danger disabled={overdue.length === 0} loading={remind.isPending} data-testid="remind-all">
              {t('remindAll', String(overdue.length))}
            </Button>
          </Popconfirm>
        )}
        {status === 'submitted' && (
          <Popconfirm title={t('batchAcceptConfirm', String(clean.length))} onConfirm={acceptClean}>
            <Button type="primary" disabled={clean.length === 0} loading={batch.isPending} data-testid="batch-accept">
              {t('batchAccept', String(clean.length))}
            </Button>
          </Popconfirm>
        )}
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
      {batch.error && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => batch.reset()}
          style={{ marginBottom: 12 }}
          data-testid="batch-accept-error"
          title={batch.error.message}
          description={
            batch.error instanceof ApiRequestError
              ? batch.error.details.map((d) => <div key={d.message}>{d.message}</div>)
              : undefined
          }
        />
      )}
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
              ...(status === 'overdue'
                ? [
                    {
                      title: t('reminderCount'),
                      key: 'reminded',
                      render: (_: unknown, r: ReportMonth) => {
                        const sent = remindersOf(r);
                        return sent[0]
                          ? t('reminderTimes', String(sent.length), formatDateTime(sent[0].at, zone))
                          : '—';
                      },
                    },
                  ]
                : []),
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
                    {r.status === 'overdue' && (
                      <Button size="small" danger onClick={() => remindRows([r])} data-testid="remind-one">
                        {t('remind')}
                      </Button>
                    )}
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
