import type { AuditEntry } from '@lz/shared/api/audit';
import { auditActionName, auditActionNames, auditChanges } from '@lz/shared/audit-actions';
import { Button, Input, Select, Space, Table, Typography } from 'antd';
import { ExportButton } from '../../../components/export-button';
import { PageToolbar } from '../../../components/page-toolbar';
import { QueryPanel } from '../../../components/query-panel';
import { formatDateTimeSeconds } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useUrlParam } from '../../../lib/url-state';
import { useAudit } from '../api/get-audit';
import { useTimeZone } from '../../../lib/catalogue/use-time-zone';
import { useUsers } from '../../../lib/users/get-users';

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

/** A filter chosen from a list (people, action names), kept in the URL like the others. */
function FilterSelect({
  name,
  placeholder,
  options,
}: {
  name: string;
  placeholder: string;
  options: { value: string; label: string }[];
}) {
  const [value, set] = useUrlParam(name);
  return (
    <Select
      size="small"
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value || undefined}
      placeholder={placeholder}
      aria-label={placeholder}
      options={options}
      onChange={(v?: string) => set(v ?? '')}
      style={{ width: 160 }}
      data-testid={`audit-filter-${name}`}
    />
  );
}

/** Before → after as the fields that changed, one line each. */
function Changes({ entry }: { entry: AuditEntry }) {
  const changes = auditChanges(entry.before, entry.after);
  if (changes.length === 0) return null;
  return (
    <div style={{ fontSize: 12, maxWidth: 420 }}>
      {changes.map((c) => (
        <div key={c.field}>
          <span className="muted">{c.label}：</span>
          {c.before !== '—' && (
            <>
              <Typography.Text delete type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: c.before }}>
                {c.before}
              </Typography.Text>
              {' → '}
            </>
          )}
          <Typography.Text style={{ fontSize: 12 }} ellipsis={{ tooltip: c.after }}>
            {c.after}
          </Typography.Text>
        </div>
      ))}
    </div>
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
  const query = {
    data: rows,
    isPending: audit.isPending,
    isPaused: audit.isPaused,
    error: audit.error,
    refetch: audit.refetch,
  };
  const users = useUsers();
  const people = (users.data ?? []).map((u) => ({ value: u.username, label: `${u.displayName}（${u.username}）` }));
  const actions = Object.entries(auditActionNames).map(([value, label]) => ({ value, label }));

  return (
    <>
      <PageToolbar title={t('navAudit')}>
        <Space wrap size="small">
          <FilterSelect name="actor" placeholder={t('auditActor')} options={people} />
          <FilterSelect name="action" placeholder={t('auditAction')} options={actions} />
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
                  action: auditActionName(r.action),
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
                {
                  title: t('auditAction'),
                  dataIndex: 'action',
                  render: (v: string) => <span title={v}>{auditActionName(v)}</span>,
                },
                { title: t('auditTarget'), dataIndex: 'target' },
                {
                  title: t('auditChange'),
                  key: 'c',
                  render: (_, r) => <Changes entry={r} />,
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
