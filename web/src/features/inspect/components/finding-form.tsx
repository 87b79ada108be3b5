import { inspectionKinds, type CreateFinding } from '@lz/shared/api/findings';
import { inspectionPeriods } from '@lz/shared/inspection-periods';
import { Form, Input, Modal, Radio, Select } from 'antd';
import { useRef } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';
import { useCampaign, useDepartments, useUnits } from '../../../lib/catalogue/get-catalogue';
import { useCreateFinding } from '../api/create-finding';

/** Records a finding against a county or a department; `initial` pre-fills it from a lagging row. */
export function FindingForm({
  open,
  onClose,
  initial,
}: {
  open: boolean;
  onClose: () => void;
  initial?: Partial<CreateFinding>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<CreateFinding>();
  const units = useUnits();
  const departments = useDepartments();
  const create = useCreateFinding();
  // Set before the async validation, so a double click on 保存 records the finding once (isPending comes too late).
  const saving = useRef(false);
  const campaign = useCampaign().data;
  const kind = Form.useWatch('subjectKind', form) ?? initial?.subjectKind ?? 'county';
  const inspection = Form.useWatch('inspection', form) ?? initial?.inspection ?? 'quarterly';
  // 督查期间 is chosen from the campaign's periods of this kind of inspection, not typed (issue #13 point 10).
  const periods = campaign ? inspectionPeriods(inspection, campaign.start, campaign.end) : [];
  const subjects =
    kind === 'county'
      ? (units.data ?? []).map((u) => ({ value: u.code, label: u.name }))
      : (departments.data ?? []).map((d) => ({ value: d.code, label: d.name }));

  return (
    <Modal
      open={open}
      title={t('recordFinding')}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
      onCancel={onClose}
      onOk={async () => {
        if (saving.current) return;
        saving.current = true;
        try {
          const values = await form.validateFields();
          await create.mutateAsync(values);
          onClose();
        } catch {
          // Invalid fields are marked in the form; a refused request shows create.error below.
        } finally {
          saving.current = false;
        }
      }}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ subjectKind: 'county', inspection: 'quarterly', ...initial }}
      >
        <Form.Item name="subjectKind" label={t('subjectKind')}>
          <Radio.Group
            onChange={() => form.setFieldValue('subject', undefined)}
            options={[
              { value: 'county', label: t('county') },
              { value: 'department', label: t('department') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="subject"
          label={kind === 'county' ? t('county') : t('department')}
          rules={[{ required: true }]}
        >
          <Select showSearch optionFilterProp="label" options={subjects} />
        </Form.Item>
        <Form.Item name="inspection" label={t('inspectionKind')} rules={[{ required: true }]}>
          <Select
            onChange={() => form.setFieldValue('period', undefined)}
            options={inspectionKinds.map((k) => ({ value: k, label: t('inspectionKindName', k) }))}
          />
        </Form.Item>
        <Form.Item name="period" label={t('inspectionPeriod')} rules={[{ required: true }]}>
          <Select options={periods} data-testid="finding-period" />
        </Form.Item>
        <Form.Item
          name="finding"
          label={t('findingText')}
          rules={[{ required: true, min: 2, max: 2000, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="rectification"
          label={t('rectificationRequired')}
          rules={[{ required: true, min: 2, max: 2000, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="dueDate" label={t('dueDate')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
          <Input type="date" />
        </Form.Item>
        {create.error && <div style={{ color: '#dc2626' }}>{create.error.message}</div>}
      </Form>
    </Modal>
  );
}
