import type { ReportMonth } from '@lz/shared/api/reports';
import { Alert, Button, Select, Space, Statistic, Table, Tag, Tooltip, Col, Row } from 'antd';
import { Link } from 'react-router-dom';
import { PageToolbar } from '../../../components/page-toolbar';
import { ReminderNotice } from '../../../components/reminder-notice';
import { QueryPanel } from '../../../components/query-panel';
import { StatusTag, statusStyle } from '../../../components/status-tag';
import { formatDateTime, formatInteger, formatMonth } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useUrlParam } from '../../../lib/url-state';
import { useDepartments } from '../../../lib/catalogue/get-catalogue';
import { useUser } from '../../../lib/session/get-session';
import { useReportMonths } from '../../../lib/reports/get-report-months';
import { useTimeZone } from '../../../lib/catalogue/use-time-zone';

/** Months a reporter still has to fill in: their link opens the entry grid. */
const OPEN_FOR_ENTRY = new Set<ReportMonth['status']>(['due', 'overdue', 'returned']);
/** A department's months: what is due, what is overdue, what came back and why. */
export function WorkspacePage() {
  const { t, lang } = useI18n();
  const zone = useTimeZone();
  const user = useUser();
  const departments = useDepartments();
  const [picked, setPicked] = useUrlParam('department');
  const reporting = (departments.data ?? []).filter((d) => d.owesReports);
  const department = user.role === 'reporter' ? (user.department ?? '') : picked || (reporting[0]?.code ?? '');
  const months = useReportMonths({ department }, department !== '');
  const name = reporting.find((d) => d.code === department)?.name ?? department;
  const count = (s: ReportMonth['status']) => months.data?.filter((m) => m.status === s).length ?? 0;

  return (
    <>
      <PageToolbar title={`${t('navWorkspace')} · ${name}`}>
        {user.role === 'admin' && (
          <Select
            showSearch
            optionFilterProp="label"
            value={department || undefined}
            onChange={(v: string) => setPicked(v)}
            style={{ width: 220 }}
            aria-label={t('department')}
            options={reporting.map((d) => ({ value: d.code, label: d.name }))}
          />
        )}
      </PageToolbar>
      <ReminderNotice department={department} />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {(['due', 'overdue', 'returned', 'submitted'] as const).map((s) => (
          <Col key={s} xs={12} md={6}>
            <div className="card">
              <Statistic
                title={<StatusTag status={s} />}
                value={count(s)}
                loading={months.isPending}
                valueStyle={{ color: s === 'overdue' || s === 'returned' ? '#dc2626' : undefined }}
              />
            </div>
          </Col>
        ))}
      </Row>
      {count('overdue') + count('returned') > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('overdueAndReturned', count('overdue'), count('returned'))}
        />
      )}
      <QueryPanel query={months} title={t('month')} isEmpty={(m) => m.length === 0} testId="workspace-months">
        {(list) => (
          <Table<ReportMonth>
            rowKey="month"
            size="small"
            dataSource={[...list].reverse()}
            pagination={{ pageSize: 12, showSizeChanger: false }}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                title: t('month'),
                dataIndex: 'month',
                render: (m: string) => <Link to={`/reports/${department}/${m}`}>{formatMonth(m, lang)}</Link>,
              },
              {
                title: t('status'),
                dataIndex: 'status',
                filters: (['not_due', 'due', 'overdue', 'submitted', 'returned', 'accepted'] as const).map((s) => ({
                  text: t(statusStyle[s].label),
                  value: s,
                })),
                onFilter: (v, r) => r.status === v,
                render: (s: ReportMonth['status'], r) => (
                  <span data-testid={`ws-status-${r.month}`} data-value={s}>
                    <StatusTag status={s} />
                  </span>
                ),
              },
              { title: t('deadline'), dataIndex: 'deadline', render: (v: string | null) => formatDateTime(v, zone) },
              { title: t('version'), dataIndex: 'version', render: (v: number | null) => v ?? '—' },
              {
                title: t('onTime'),
                dataIndex: 'onTime',
                render: (v: boolean | null) =>
                  v === null ? '—' : v ? <Tag color="green">{t('onTime')}</Tag> : <Tag color="red">{t('late')}</Tag>,
              },
              {
                title: t('submittedAt'),
                dataIndex: 'lastSubmittedAt',
                render: (v: string | null) => formatDateTime(v, zone),
                responsive: ['md'],
              },
              {
                title: t('subsidisedTotal'),
                dataIndex: 'total',
                align: 'right',
                render: (v: number | null) => formatInteger(v),
              },
              {
                title: t('reason'),
                dataIndex: 'statusReason',
                render: (r: string | null) =>
                  r ? (
                    <Tooltip title={r}>
                      <span
                        style={{
                          maxWidth: 220,
                          display: 'inline-block',
                          overflow: 'hidden',
                          textOverflow: 'ellipsis',
                          whiteSpace: 'nowrap',
                        }}
                      >
                        {r}
                      </span>
                    </Tooltip>
                  ) : (
                    '—'
                  ),
              },
              {
                title: t('warnings'),
                dataIndex: 'warnings',
                render: (n: number) => (n ? <Tag color="orange">{n}</Tag> : '—'),
                responsive: ['lg'],
              },
              {
                title: t('actions'),
                key: 'actions',
                render: (_, r) => (
                  <Space size="small">
                    <Link to={`/reports/${department}/${r.month}${OPEN_FOR_ENTRY.has(r.status) ? '?tab=entry' : ''}`}>
                      {t('view')}
                    </Link>
                    <Button
                      type="link"
                      size="small"
                      className="table-link"
                      href={`/api/reports/${department}/${r.month}/template.xlsx`}
                      download
                    >
                      {t('template')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryPanel>
    </>
  );
}
