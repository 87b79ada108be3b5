/**
 * 信息公开 for the statistics office: which quarters of fund use the public site shows (publish, publish
 * again after corrections, withdraw), the notice batches (公示) and the queue of objections to answer.
 */
import type { FundTotals, OfficeNoticeBatch, OfficeObjection } from '@lz/shared/api/disclosure-office';
import { message as antMessage, Button, Form, Input, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { PageToolbar } from '../../../components/page-toolbar';
import { QueryPanel } from '../../../components/query-panel';
import { useDepartments } from '../../../lib/catalogue/get-catalogue';
import { useTimeZone } from '../../../lib/catalogue/use-time-zone';
import { formatCell, formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import {
  useAnswerObjection,
  useBatchAction,
  useNoticeBatches,
  useObjections,
  useOfficeFundUse,
  useQuarterAction,
} from '../api/disclosure-api';
import { NewBatchModal } from './new-batch-modal';

const lines = ['training', 'living', 'assessment', 'workTraining'] as const;
const lineLabel = {
  training: 'disclosureTraining',
  living: 'disclosureLiving',
  assessment: 'disclosureAssessment',
  workTraining: 'disclosureWorkTraining',
} as const;

function Totals({ totals }: { totals: FundTotals | null }) {
  const { t } = useI18n();
  if (!totals) return <span className="muted">—</span>;
  return (
    <Space direction="vertical" size={0}>
      {lines.map((k) => (
        <span key={k}>
          {t(lineLabel[k])}：{formatCell(totals[k], 'money')}
        </span>
      ))}
    </Space>
  );
}

export function DisclosurePage() {
  const { t } = useI18n();
  const [toast, toastHolder] = antMessage.useMessage();
  const fail = (e: Error) => toast.error(e.message);
  const ok = () => toast.success(t('saved'));
  return (
    <>
      {toastHolder}
      <PageToolbar title={t('navDisclosure')}>
        <Button href="/gongkai/" target="_blank" rel="noopener" data-testid="disclosure-public-link">
          {t('disclosureOpenSite')}
        </Button>
      </PageToolbar>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <FundQuarters ok={ok} fail={fail} />
        <NoticeBatches ok={ok} fail={fail} />
        <ObjectionQueue ok={ok} fail={fail} />
      </Space>
    </>
  );
}

interface Feedback {
  ok: () => void;
  fail: (e: Error) => void;
}

function FundQuarters({ ok, fail }: Feedback) {
  const { t } = useI18n();
  const query = useOfficeFundUse();
  const action = useQuarterAction();
  const run = (quarter: string, verb: 'publish' | 'withdraw') =>
    action.mutate({ quarter, verb }, { onSuccess: ok, onError: fail });
  return (
    <QueryPanel query={query} title={t('disclosureFundUse')} testId="disclosure-quarters">
      {(data) => (
        <Table
          rowKey="quarter"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={data.quarters}
          columns={[
            { title: t('disclosureQuarter'), dataIndex: 'quarter' },
            {
              title: t('disclosurePublishedOn'),
              key: 'on',
              render: (_, q) =>
                q.publishedOn ? <Tag color="green">{q.publishedOn}</Tag> : <span className="muted">—</span>,
            },
            { title: t('disclosurePublished'), key: 'p', render: (_, q) => <Totals totals={q.published} /> },
            { title: t('disclosureWouldPublish'), key: 'w', render: (_, q) => <Totals totals={q.wouldPublish} /> },
            { title: t('disclosureUnaccepted'), dataIndex: 'unaccepted' },
            {
              title: t('actions'),
              key: 'a',
              render: (_, q) => (
                <Space size="small">
                  <Popconfirm title={t('disclosureConfirmPublish')} onConfirm={() => run(q.quarter, 'publish')}>
                    <Button size="small" type={q.publishedOn ? 'default' : 'primary'}>
                      {q.publishedOn ? t('disclosureRepublish') : t('disclosurePublish')}
                    </Button>
                  </Popconfirm>
                  {q.publishedOn && (
                    <Popconfirm title={t('disclosureConfirmWithdraw')} onConfirm={() => run(q.quarter, 'withdraw')}>
                      <Button size="small" danger>
                        {t('disclosureWithdraw')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
    </QueryPanel>
  );
}

const statusTag: Record<
  OfficeNoticeBatch['status'],
  { color: string; label: 'disclosureDraft' | 'disclosureLive' | 'disclosureWithdrawn' }
> = {
  draft: { color: 'default', label: 'disclosureDraft' },
  published: { color: 'green', label: 'disclosureLive' },
  withdrawn: { color: 'orange', label: 'disclosureWithdrawn' },
};

function NoticeBatches({ ok, fail }: Feedback) {
  const { t } = useI18n();
  const zone = useTimeZone();
  const query = useNoticeBatches();
  const departments = useDepartments();
  const action = useBatchAction();
  const [creating, setCreating] = useState(false);
  const deptName = new Map((departments.data ?? []).map((d) => [d.code, d.name]));
  return (
    <>
      <NewBatchModal open={creating} onClose={() => setCreating(false)} ok={ok} fail={fail} />
      <QueryPanel
        query={query}
        title={t('disclosureNotices')}
        extra={
          <Button size="small" onClick={() => setCreating(true)} data-testid="disclosure-new-batch">
            {t('disclosureNewBatch')}
          </Button>
        }
        testId="disclosure-batches"
      >
        {(list) => (
          <>
            <Table<OfficeNoticeBatch>
              rowKey="id"
              size="small"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              dataSource={list}
              columns={[
                { title: t('disclosureTitle'), dataIndex: 'title' },
                {
                  title: t('disclosureDepartment'),
                  dataIndex: 'department',
                  render: (d: string) => deptName.get(d) ?? d,
                },
                {
                  title: t('disclosureClassCount'),
                  key: 'c',
                  render: (_, b) => `${b.classCount} / ${b.classIds.length}`,
                },
                { title: t('disclosureNoticeDays'), dataIndex: 'noticeDays' },
                {
                  title: t('status'),
                  key: 's',
                  render: (_, b) => <Tag color={statusTag[b.status].color}>{t(statusTag[b.status].label)}</Tag>,
                },
                {
                  title: t('disclosurePublishedOn'),
                  dataIndex: 'publishedAt',
                  render: (v: string | null) => (v ? formatDateTime(v, zone) : '—'),
                },
                { title: t('disclosureObjectionCount'), dataIndex: 'objections' },
                {
                  title: t('actions'),
                  key: 'a',
                  render: (_, b) =>
                    b.status === 'published' ? (
                      <Popconfirm
                        title={t('disclosureConfirmWithdraw')}
                        onConfirm={() =>
                          action.mutate({ id: b.id, verb: 'withdraw' }, { onSuccess: ok, onError: fail })
                        }
                      >
                        <Button size="small" danger>
                          {t('disclosureWithdraw')}
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => action.mutate({ id: b.id, verb: 'publish' }, { onSuccess: ok, onError: fail })}
                      >
                        {t('disclosurePublish')}
                      </Button>
                    ),
                },
              ]}
            />
          </>
        )}
      </QueryPanel>
    </>
  );
}

function ObjectionQueue({ ok, fail }: Feedback) {
  const { t } = useI18n();
  const zone = useTimeZone();
  const query = useObjections();
  const answer = useAnswerObjection();
  const [answering, setAnswering] = useState<OfficeObjection | null>(null);
  const [form] = Form.useForm<{ answer: string }>();
  const submit = ({ answer: text }: { answer: string }) => {
    if (!answering) return;
    answer.mutate(
      { id: answering.id, answer: text },
      {
        onSuccess: () => {
          ok();
          setAnswering(null);
          form.resetFields();
        },
        onError: fail,
      },
    );
  };
  return (
    <>
      <Modal
        open={answering !== null}
        title={`${t('disclosureAnswer')} ${answering?.reference ?? ''}`}
        onCancel={() => setAnswering(null)}
        onOk={() => form.submit()}
        confirmLoading={answer.isPending}
      >
        <p>{answering?.text}</p>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="answer" label={t('disclosureAnswer')} rules={[{ required: true, min: 2, max: 2000 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Modal>
      <QueryPanel query={query} title={t('disclosureObjections')} testId="disclosure-objections">
        {(list) => (
          <Table<OfficeObjection>
            rowKey="id"
            size="small"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            dataSource={list}
            columns={[
              { title: t('disclosureReference'), dataIndex: 'reference' },
              { title: t('disclosureNotices'), dataIndex: 'batchTitle' },
              { title: t('disclosureObjector'), dataIndex: 'name' },
              { title: t('disclosureContact'), dataIndex: 'contact' },
              { title: t('disclosureText'), dataIndex: 'text', width: 280 },
              {
                title: t('disclosureSubmittedAt'),
                dataIndex: 'submittedAt',
                render: (v: string) => formatDateTime(v, zone),
              },
              {
                title: t('disclosureAnswer'),
                key: 'ans',
                render: (_, o) =>
                  o.answer ? (
                    <span>
                      {o.answer}
                      <br />
                      <span className="muted">
                        {o.answeredBy} {formatDateTime(o.answeredAt, zone)}
                      </span>
                    </span>
                  ) : (
                    <Button size="small" type="primary" onClick={() => setAnswering(o)}>
                      {t('disclosureUnanswered')} · {t('disclosureAnswer')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </QueryPanel>
    </>
  );
}
