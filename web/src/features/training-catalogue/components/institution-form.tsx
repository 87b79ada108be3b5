import { institutionTypes } from '@lz/shared/api/disclosure';
import type { Institution } from '@lz/shared/api/rosters';
import { Form, Input, Modal, Select } from 'antd';
import { useUnits } from '../../../lib/catalogue/get-catalogue';
import { useI18n } from '../../../lib/i18n/i18n';
import { useTrainingProjects } from '../api/get-catalogue-lists';
import { useSaveInstitution } from '../api/save-institution';
import { ProblemList } from './problem-list';

interface Values {
  name: string;
  creditCode: string;
  county: string;
  type: string;
  /** "occupation|level", one per approved project. */
  approved: string[];
}

/** A new institution, or the name, code, county, type and approvals of one; the server checks them all. */
export function InstitutionForm({ institution, onClose }: { institution: Institution | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const units = useUnits();
  const projects = useTrainingProjects();
  const save = useSaveInstitution();
  const initial = institution
    ? { ...institution, approved: institution.approved.map((a) => `${a.occupation}|${a.level}`) }
    : { type: institutionTypes[1], approved: [] };
  return (
    <Modal
      open
      title={institution ? `${t('edit')} · ${institution.name}` : t('tcAddInstitution')}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        const approved = v.approved.map((a) => {
          const [occupation = '', level = ''] = a.split('|');
          return { occupation, level };
        });
        save.mutate({ id: institution?.id ?? null, draft: { ...v, approved } }, { onSuccess: onClose });
      }}
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="name" label={t('tcInstitutionName')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="creditCode" label={t('tcCreditCode')} rules={[{ required: true, len: 18 }]}>
          <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="county" label={t('county')} rules={[{ required: true }]}>
          <Select options={(units.data ?? []).map((u) => ({ value: u.code, label: u.name }))} />
        </Form.Item>
        <Form.Item name="type" label={t('tcInstitutionType')} rules={[{ required: true }]}>
          <Select options={institutionTypes.map((x) => ({ value: x, label: x }))} />
        </Form.Item>
        <Form.Item name="approved" label={t('tcApproved')}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={(projects.data ?? []).map((p) => ({
              value: `${p.occupation}|${p.level}`,
              label: `${p.occupation}（${p.level}）`,
            }))}
          />
        </Form.Item>
        <ProblemList error={save.error} />
      </Form>
    </Modal>
  );
}
