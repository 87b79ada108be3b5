import { institutionStatuses } from '@lz/shared/api/disclosure';
import type { Institution } from '@lz/shared/api/rosters';
import { type ButtonProps, Form, Input, Modal, Select } from 'antd';
import { useServerClock } from '../../../lib/clock/get-clock';
import { useI18n } from '../../../lib/i18n/i18n';
import { useSaveInstitution } from '../api/save-institution';
import { ProblemList } from './problem-list';

/**
 * 有效 / 暂停 / 注销 with the day it took effect: a suspension refuses every class starting from that day, so
 * the office states the day of its decision rather than the day it types it in.
 */
export function StatusForm({ institution, onClose }: { institution: Institution; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ status: Institution['status']; statusSince: string; statusReason?: string }>();
  const clock = useServerClock();
  const save = useSaveInstitution();
  const today = clock.data?.now.slice(0, 10) ?? '';
  return (
    <Modal
      open
      title={`${t('tcChangeStatus')} · ${institution.name}`}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'status-save' } as ButtonProps}
      onOk={async () => {
        const v = await form.validateFields();
        save.mutate({ id: institution.id, draft: v }, { onSuccess: onClose });
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ status: institution.status, statusSince: today }}>
        <Form.Item name="status" label={t('status')} rules={[{ required: true }]}>
          <Select data-testid="status-select" options={institutionStatuses.map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        <Form.Item name="statusSince" label={t('tcStatusSince')} rules={[{ required: true }]}>
          <Input type="date" data-testid="status-since" />
        </Form.Item>
        <Form.Item name="statusReason" label={t('tcStatusReason')}>
          <Input maxLength={500} data-testid="status-reason" />
        </Form.Item>
        <ProblemList error={save.error} />
      </Form>
    </Modal>
  );
}
