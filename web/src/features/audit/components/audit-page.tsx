import type { AuditEntry } from '@lz/shared/api/audit';
import { Button, Input, Space, Table, Typography } from 'antd';
import { ExportButton } from '../../../components/export-button';
import { PageToolbar } from '../../../components/page-toolbar';
import { QueryPanel } from '../../../components/query-panel';
import { formatDateTimeSeconds } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useUrlParam } from '../../../lib/url-state';
import { useAudit } from '../api/get-audit';
import { useTimeZone } from '../../../lib/catalogue/use-time-zone';

const short = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));

function FilterInput({
  name,
  placeholder,
  type,
  prefix,
}: {
  name: string;
  placeholder: string;
  type?: string;
  prefix?: string;
}) {
  const [value, set] = useUrlParam(name);
  // A date applies as soon as it is picked (or cleared); text on Enter or when the field is left.
  return (
    <Input
      size="small"
      type={type}
      allowClear
      defaultValue={value}
      placeholder={placeholder}
      aria-label={placeholder}
      title={placeholder}
      prefix={prefix ? <span className="muted">{prefix}</span> : undefined}
      onChange={type === 'date' ? (e) => set(e.currentTarget.value) : undefined}
      onPressEnter={(e) => set(e.currentTarget.value)}
      onBlur={(e) => set(e.currentTarget.value)}
      style={{ width: type === 'date' ? 172 : 150 }}
    />
  );
}

/** Read-only audit log with filters in the URL; older entries load on demand. */
export function AuditPage() {
  const { t } = useI18n();
  const zone = useTimeZone();
  const [actor] = useUrlParam('actor');
  const [action] = useUrlParam('action');
  const [target] = useUrlParam('target');
  const [from] = useUrlParam('from');
  const [to] = useUrlParam('to');
  const audit = useAudit({ actor, action, target, from, to }, zone);
  const rows = audit.data?.pages.flat();
  const query = { data: rows, isPending: audit.isPending, error: audit.error, refetch: audit.refetch };

  return (
    <>
      <PageToolbar title={t('navAudit')}>
        <Space wrap size="small">
          <FilterInput name="actor" placeholder={t('auditActor')} />
          <FilterInput name="action" placeholder={t('auditActionHint')} />
          <FilterInput name="target" placeholder={t('auditTarget')} />
          <FilterInput name="from" placeholder={t('auditFromHint')} prefix={t('auditFrom')} type="date" />
          <FilterInput name="to" placeholder={t('auditToHint')} prefix={t('auditTo')} type="date" />
          <ExportButton
            fileName="审计日志"
            disabled={!rows}
            sheets={() => [
              {
                name: '审计日志',
                columns: [
                  { header: 'ID', key: 'id', width: 8 },
                  { header: '时间（北京时间）', key: 'at', width: 24 },
                  { header: '操作人', key: 'actor' },
                  { header: '操作', key: 'action', width: 20 },
                  { header: '对象', key: 'target', width: 24 },
                  { header: '修改前', key: 'before', width: 40 },
                  { header: '修改后', key: 'after', width: 40 },
                  { header: 'IP', key: 'ip' },
                ],
                rows: (rows ?? []).map((r) => ({
                  ...r,
                  at: formatDateTimeSeconds(r.at, zone),
                  before: short(r.before),
                  after: short(r.after),
                })),
              },
            ]}
          />
        </Space>
      </PageToolbar>
      <QueryPanel query={query} isEmpty={(r) => r.length === 0} testId="audit-table">
        {(list) => (
          <>
            <Table<AuditEntry>
              rowKey="id"
              size="small"
              dataSource={list}
              pagination={false}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: 'ID', dataIndex: 'id', width: 70 },
                {
                  title: t('auditAt'),
                  dataIndex: 'at',
                  render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTimeSeconds(v, zone)}</span>,
                },
                { title: t('auditActor'), dataIndex: 'actor' },
                { title: t('auditAction'), dataIndex: 'action' },
                { title: t('auditTarget'), dataIndex: 'target' },
                {
                  title: t('auditChange'),
                  key: 'c',
                  render: (_, r) => (
                    <Typography.Text
                      style={{ maxWidth: 420, fontSize: 12 }}
                      ellipsis={{ tooltip: `${short(r.before)} → ${short(r.after)}` }}
                    >
                      {r.before ? `${short(r.before)} → ` : ''}
                      {short(r.after)}
                    </Typography.Text>
                  ),
                },
                { title: 'IP', dataIndex: 'ip', responsive: ['lg'] },
              ]}
            />
            {audit.hasNextPage && (
              <Button
                style={{ marginTop: 12 }}
                onClick={() => audit.fetchNextPage()}
                loading={audit.isFetchingNextPage}
              >
                {t('loadOlder')}
              </Button>
            )}
          </>
        )}
      </QueryPanel>
    </>
  );
}
