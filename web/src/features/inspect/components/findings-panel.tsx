import type { Finding } from '@lz/shared/api/findings';
import { Button, Form, Input, Modal, Segmented, Space, Table, Tag } from 'antd';
import { useRef, useState } from 'react';
import { canRespondToFinding, canWriteFindings } from '@lz/shared/access-policy';
import { periodLabel } from '@lz/shared/inspection-periods';
import { ExportButton } from '../../../components/export-button';
import { QueryPanel } from '../../../components/query-panel';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useUrlParam } from '../../../lib/url-state';
import { useDepartments, useUnits } from '../../../lib/catalogue/get-catalogue';
import { useUser } from '../../../lib/session/get-session';
import { useCloseFinding } from '../api/close-finding';
import { useRespondToFinding } from '../api/respond-finding';
import { useFindings } from '../api/get-findings';
import { inspectionKindNames } from '../../../lib/i18n/dictionary';
import { FindingForm } from './finding-form';
import { useTimeZone } from '../../../lib/catalogue/use-time-zone';

/**
 * 督查问题清单: open and closed findings; inspectors record new ones and close them with a note; a county user
 * sees those about its own county and answers each with its 整改说明 (issue #13 point 10).
 */
export function FindingsPanel() {
  const { t } = useI18n();
  const zone = useTimeZone();
  const user = useUser();
  const writable = canWriteFindings(user);
  const findings = useFindings();
  const units = useUnits();
  const departments = useDepartments();
  const [status, setStatus] = useUrlParam('fstatus', 'open');
  const [creating, setCreating] = useState(false);
  const [closing, setClosing] = useState<Finding | null>(null);
  const close = useCloseFinding();
  const [closeForm] = Form.useForm<{ closingNote: string }>();
  const closingNow = useRef(false);
  const [answering, setAnswering] = useState<Finding | null>(null);
  const respond = useRespondToFinding();
  const [answerForm] = Form.useForm<{ response: string }>();
  const answeringNow = useRef(false);
  const answerable = (f: Finding) => f.status === 'open' && canRespondToFinding(user, f);
  const names = new Map<string, string>([
    ...(units.data ?? []).map((u) => [u.code, u.name] as const),
    ...(departments.data ?? []).map((d) => [d.code, d.name] as const),
  ]);
  const visible = (findings.data ?? []).filter((f) => status === 'all' || f.status === status);
  const statusText = (f: Finding) =>
    f.status === 'closed' ? t('findingClosed') : f.overdue ? t('findingOverdue') : t('findingOpen');

  return (
    <QueryPanel
      query={findings}
      title={t('findings')}
      testId="findings-panel"
      extra={
        <Space wrap>
          <Segmented
            size="small"
            value={status}
            onChange={(v) => setStatus(String(v))}
            options={[
              { value: 'open', label: t('findingOpen') },
              { value: 'closed', label: t('findingClosed') },
              { value: 'all', label: t('all') },
            ]}
          />
          <ExportButton
            fileName={`督查问题-${{ open: '未销号', closed: '已销号', all: '全部' }[status] ?? status}`}
            heading={() => ({
              title: '柳州市职业技能提升行动 督查问题与整改',
              asOf: null,
              filters: [
                {
                  label: '状态',
                  value: { open: '未销号', closed: '已销号', all: '全部' }[status] ?? status,
                },
              ],
            })}
            sheets={() => [
              {
                name: '督查问题',
                columns: [
                  { header: '编号', key: 'id', width: 8 },
                  { header: '对象', key: 'subject', width: 24 },
                  { header: '督查类型', key: 'inspection' },
                  { header: '督查期间', key: 'period' },
                  { header: '发现的问题', key: 'finding', width: 40 },
                  { header: '整改要求', key: 'rectification', width: 40 },
                  { header: '整改期限', key: 'dueDate' },
                  { header: '状态', key: 'status' },
                  { header: '整改说明', key: 'response', width: 30 },
                  { header: '销号说明', key: 'closingNote', width: 30 },
                  { header: '销号人', key: 'closedBy' },
                  { header: '记录人', key: 'createdBy' },
                ],
                rows: visible.map((f) => ({
                  ...f,
                  subject: names.get(f.subject) ?? f.subject,
                  inspection: inspectionKindNames[f.inspection],
                  period: periodLabel(f.period),
                  status: statusText(f),
                })),
              },
            ]}
          />
          {writable && (
            <Button size="small" type="primary" onClick={() => setCreating(true)} data-testid="finding-create">
              {t('create')}
            </Button>
          )}
        </Space>
      }
    >
      {() => (
        <>
          <Table<Finding>
            rowKey="id"
            size="small"
            dataSource={visible}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('empty') }}
            columns={[
              {
                title: t('findingSubject'),
                dataIndex: 'subject',
                render: (s: string) => names.get(s) ?? s,
              },
              {
                title: t('inspection'),
                key: 'k',
                render: (_, f) => `${t('inspectionKindName', f.inspection)} ${periodLabel(f.period)}`,
              },
              { title: t('findingText'), dataIndex: 'finding', width: 240 },
              { title: t('rectification'), dataIndex: 'rectification', width: 220 },
              {
                title: t('due'),
                dataIndex: 'dueDate',
                render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{d}</span>,
              },
              {
                title: t('status'),
                key: 's',
                render: (_, f) => (
                  <Tag color={f.status === 'closed' ? 'green' : f.overdue ? 'red' : 'gold'}>{statusText(f)}</Tag>
                ),
              },
              {
                title: t('findingResponse'),
                dataIndex: 'response',
                width: 180,
                render: (r: string | null, f) =>
                  r ? (
                    <span data-testid={`finding-response-${f.id}`}>
                      {r}（{f.respondedBy} {formatDateTime(f.respondedAt, zone)}）
                    </span>
                  ) : (
                    '—'
                  ),
              },
              {
                title: t('closingNote'),
                dataIndex: 'closingNote',
                render: (n: string | null, f) =>
                  n ? `${n}（${f.closedBy ? `${f.closedBy} ` : ''}${formatDateTime(f.closedAt, zone)}）` : '—',
                width: 180,
              },
              ...(user.role === 'county'
                ? [
                    {
                      title: t('actions'),
                      key: 'r',
                      fixed: 'right' as const,
                      render: (_: unknown, f: Finding) =>
                        answerable(f) ? (
                          <Button size="small" onClick={() => setAnswering(f)} data-testid={`finding-respond-${f.id}`}>
                            {f.response ? t('editResponse') : t('writeResponse')}
                          </Button>
                        ) : null,
                    },
                  ]
                : []),
              ...(writable
                ? [
                    {
                      title: t('actions'),
                      key: 'a',
                      // Kept in view: on a narrow screen the long text columns scroll, the verb does not.
                      fixed: 'right' as const,
                      render: (_: unknown, f: Finding) =>
                        f.status === 'open' ? (
                          <Button size="small" onClick={() => setClosing(f)}>
                            {t('closeFinding')}
                          </Button>
                        ) : null,
                    },
                  ]
                : []),
            ]}
          />
          <FindingForm open={creating} onClose={() => setCreating(false)} />
          <Modal
            open={answering !== null}
            title={t('writeResponse')}
            okText={t('confirm')}
            cancelText={t('cancel')}
            confirmLoading={respond.isPending}
            destroyOnHidden
            onCancel={() => setAnswering(null)}
            onOk={async () => {
              if (answeringNow.current || !answering) return;
              answeringNow.current = true;
              try {
                const { response } = await answerForm.validateFields();
                await respond.mutateAsync({ id: answering.id, response });
                setAnswering(null);
              } catch {
                // Shown in the form (too short) or below it (respond.error).
              } finally {
                answeringNow.current = false;
              }
            }}
          >
            {answering && <p style={{ marginTop: 0 }}>{answering.rectification}</p>}
            <Form
              form={answerForm}
              layout="vertical"
              preserve={false}
              initialValues={{ response: answering?.response ?? '' }}
            >
              <Form.Item
                name="response"
                label={t('findingResponse')}
                rules={[{ required: true, min: 2, max: 2000, whitespace: true }]}
              >
                <Input.TextArea rows={4} maxLength={2000} />
              </Form.Item>
              {respond.error && <div style={{ color: '#dc2626' }}>{respond.error.message}</div>}
            </Form>
          </Modal>
          <Modal
            open={closing !== null}
            title={t('closeFindingTitle')}
            okText={t('confirm')}
            cancelText={t('cancel')}
            confirmLoading={close.isPending}
            destroyOnHidden
            onCancel={() => setClosing(null)}
            onOk={async () => {
              if (closingNow.current || !closing) return;
              closingNow.current = true;
              try {
                const { closingNote } = await closeForm.validateFields();
                await close.mutateAsync({ id: closing.id, closingNote });
                setClosing(null);
              } catch {
                // Shown in the form (invalid note) or below it (close.error).
              } finally {
                closingNow.current = false;
              }
            }}
          >
            <Form form={closeForm} layout="vertical" preserve={false}>
              <Form.Item
                name="closingNote"
                label={t('closingNoteLabel')}
                rules={[{ required: true, min: 2, max: 2000, whitespace: true }]}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
              {close.error && <div style={{ color: '#dc2626' }}>{close.error.message}</div>}
            </Form>
          </Modal>
        </>
      )}
    </QueryPanel>
  );
}
