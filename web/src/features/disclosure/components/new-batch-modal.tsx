/**
 * 新建公示批次: the office names the batch, picks a department and a 结业日期 range, then ticks the classes to
 * announce in a table of the stored rosters the server offers (active, not already in a published batch).
 */
import type { NoticeCandidates } from '@lz/shared/api/disclosure-office';
import { Alert, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useDepartments } from '../../../lib/catalogue/get-catalogue';
import { formatCell } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useCreateBatch, useNoticeCandidates } from '../api/disclosure-api';

type Candidate = NoticeCandidates['items'][number];
interface Values {
  title: string;
  department: string;
  noticeDays: number;
}

export function NewBatchModal({
  open,
  onClose,
  ok,
  fail,
}: {
  open: boolean;
  onClose: () => void;
  ok: () => void;
  fail: (e: Error) => void;
}) {
  const { t } = useI18n();
  const departments = useDepartments();
  const create = useCreateBatch();
  const [form] = Form.useForm<Values>();
  const department = Form.useWatch('department', form);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [missing, setMissing] = useState(false);
  const candidates = useNoticeCandidates(department, from, to);
  const close = () => {
    onClose();
    form.resetFields();
    setPicked([]);
    setMissing(false);
  };
  const submit = (v: Values) => {
    if (picked.length === 0) {
      setMissing(true);
      return;
    }
    create.mutate(
      { title: v.title, department: v.department, classIds: picked, noticeDays: v.noticeDays },
      {
        onSuccess: () => {
          ok();
          close();
        },
        onError: fail,
      },
    );
  };
  return (
    <Modal
      open={open}
      width={960}
      title={t('disclosureNewBatch')}
      onCancel={close}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ noticeDays: 5 }}>
        <Form.Item name="title" label={t('disclosureTitle')} rules={[{ required: true, max: 100 }]}>
          <Input data-testid="batch-title" />
        </Form.Item>
        <Space wrap align="end">
          <Form.Item name="department" label={t('disclosureDepartment')} rules={[{ required: true }]}>
            <Select
              style={{ minWidth: 220 }}
              onChange={() => setPicked([])}
              options={(departments.data ?? [])
                .filter((d) => d.owesReports)
                .map((d) => ({ value: d.code, label: d.name }))}
            />
          </Form.Item>
          <Form.Item label={t('disclosureEndFrom')}>
            <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="batch-from" />
          </Form.Item>
          <Form.Item label={t('disclosureEndTo')}>
            <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="batch-to" />
          </Form.Item>
          <Form.Item name="noticeDays" label={t('disclosureNoticeDays')} rules={[{ required: true }]}>
            <InputNumber min={5} max={7} />
          </Form.Item>
        </Space>
      </Form>
      <p>
        <strong>{t('disclosurePickClasses')}</strong>{' '}
        <span className="muted" data-testid="batch-picked">
          {t('disclosureSelected', String(picked.length), String(candidates.data?.total ?? 0))}
        </span>
      </p>
      {missing && picked.length === 0 && <Alert type="error" showIcon message={t('disclosurePickOne')} />}
      <div data-testid="batch-classes">
        <Table<Candidate>
          rowKey="id"
          size="small"
          loading={candidates.isFetching}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          dataSource={candidates.data?.items ?? []}
          rowSelection={{ selectedRowKeys: picked, onChange: (keys) => setPicked(keys.map(String)) }}
          columns={[
            { title: t('disclosureDates'), key: 'd', render: (_, k) => `${k.startDate} ~ ${k.endDate}` },
            { title: t('disclosureInstitution'), dataIndex: 'institution' },
            { title: t('disclosureOccupation'), dataIndex: 'occupation' },
            { title: t('disclosureLevel'), dataIndex: 'level' },
            { title: t('disclosureTrainees'), dataIndex: 'traineeCount', align: 'right' },
            {
              title: t('disclosureAmount'),
              dataIndex: 'amount',
              align: 'right',
              render: (v: number) => formatCell(v, 'money'),
            },
          ]}
        />
      </div>
    </Modal>
  );
}
