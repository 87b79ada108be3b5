import type { AuditEntry } from '@lz/shared/api/audit';
import { Button, Input, Space, Table, Typography } from 'antd';
import { ExportButton } from '../../../components/export-button';
import { PageToolbar } from '../../../components/page-toolbar';
import { QueryPanel } from '../../../components/query-panel';
import { formatDateTimeSeconds } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useUrlParam } from '../../../lib/url-state';
import { useAudit } from '../api/get-audit';

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
  const { t, lang } = useI18n();
  const [actor] = useUrlParam('actor');
  const [action] = useUrlParam('action');
  const [target] = useUrlParam('target');
  const [from] = useUrlParam('from');
  const [to] = useUrlParam('to');
  const audit = useAudit({ actor, action, target, from, to });
  const rows = audit.data?.pages.flat();
  const query = { data: rows, isPending: audit.isPending, error: audit.error, refetch: audit.refetch };

  return (
    <>
      <PageToolbar title={t('navAudit')}>
        <Space wrap size="small">
          <FilterInput name="actor" placeholder={lang === 'zh' ? '操作人' : 'Actor'} />
          <FilterInput
            name="action"
            placeholder={lang === 'zh' ? '操作（如 report.submit）' : 'Action (e.g. report.submit)'}
          />
          <FilterInput name="target" placeholder={lang === 'zh' ? '对象' : 'Target'} />
          <FilterInput
            name="from"
            placeholder={lang === 'zh' ? '起始日期（北京时间）' : 'From (Beijing time)'}
            prefix={lang === 'zh' ? '从' : 'From'}
            type="date"
          />
          <FilterInput
            name="to"
            placeholder={lang === 'zh' ? '截止日期（北京时间，含当日）' : 'To (Beijing time, inclusive)'}
            prefix={lang === 'zh' ? '至' : 'To'}
            type="date"
          />
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
                  at: formatDateTimeSeconds(r.at),
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
                  title: lang === 'zh' ? '时间' : 'At',
                  dataIndex: 'at',
                  render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTimeSeconds(v)}</span>,
                },
                { title: lang === 'zh' ? '操作人' : 'Actor', dataIndex: 'actor' },
                { title: lang === 'zh' ? '操作' : 'Action', dataIndex: 'action' },
                { title: lang === 'zh' ? '对象' : 'Target', dataIndex: 'target' },
                {
                  title: lang === 'zh' ? '内容' : 'Change',
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
                {lang === 'zh' ? '加载更早的记录' : 'Load older'}
              </Button>
            )}
          </>
        )}
      </QueryPanel>
    </>
  );
}
