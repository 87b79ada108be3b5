import type { TrainingProjectItem } from '@lz/shared/api/rosters';
import { Button, type ButtonProps, Form, Input, InputNumber, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { PageToolbar } from '../../../components/page-toolbar';
import { QueryPanel } from '../../../components/query-panel';
import { formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useTrainingProjects } from '../api/get-catalogue-lists';
import { usePatchTrainingProject } from '../api/patch-training-project';
import { ProblemList } from './problem-list';

/** The office's edit of one project: the standard and hours every later roster is judged by. */
function ProjectForm({ project, onClose }: { project: TrainingProjectItem; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ occupation: string; code: string; subsidy: number; minHours: number }>();
  const patch = usePatchTrainingProject();
  return (
    <Modal
      open
      title={`${t('edit')} · ${project.occupation}（${project.level}）`}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={patch.isPending}
      destroyOnHidden
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'project-save' } as ButtonProps}
      onOk={async () => {
        const v = await form.validateFields();
        patch.mutate(
          {
            id: project.id,
            patch: { occupation: v.occupation, code: v.code || null, subsidy: v.subsidy, minHours: v.minHours },
          },
          { onSuccess: onClose },
        );
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ ...project, code: project.code ?? '' }}>
        <Form.Item name="occupation" label={t('rnOccupation')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="code" label={t('tcOccupationCode')} extra="6-31-01-03">
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="subsidy" label={t('tcSubsidyStandard')} rules={[{ required: true }]}>
          <InputNumber min={0} style={{ width: '100%' }} data-testid="project-subsidy" />
        </Form.Item>
        <Form.Item name="minHours" label={t('tcMinHours')} rules={[{ required: true }]}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="project-hours" />
        </Form.Item>
        <ProblemList error={patch.error} />
      </Form>
    </Modal>
  );
}

/** 培训项目目录: every occupation × level with its standard and minimum hours; the admin edits them. */
export function TrainingProjectsPage() {
  const { t, lang } = useI18n();
  const projects = useTrainingProjects();
  const [occupation, setOccupation] = useState<string | undefined>();
  const [editing, setEditing] = useState<TrainingProjectItem | null>(null);
  const occupations = [...new Set((projects.data ?? []).map((p) => p.occupation))];
  return (
    <>
      <PageToolbar title={t('navTrainingProjects')}>
        <Select
          allowClear
          showSearch
          value={occupation}
          onChange={setOccupation}
          placeholder={t('rnOccupation')}
          style={{ width: 200 }}
          aria-label={t('rnOccupation')}
          options={occupations.map((o) => ({ value: o, label: o }))}
        />
      </PageToolbar>
      <QueryPanel query={projects} testId="project-list" isEmpty={(l) => l.length === 0}>
        {(list) => (
          <Table<TrainingProjectItem>
            rowKey="id"
            size="small"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            dataSource={list.filter((p) => !occupation || p.occupation === occupation)}
            columns={[
              { title: t('rnOccupation'), dataIndex: 'occupation' },
              {
                title: t('tcOccupationCode'),
                dataIndex: 'code',
                responsive: ['md'],
                render: (c: string | null) => c ?? '—',
              },
              { title: t('rnLevel'), dataIndex: 'level' },
              {
                title: t('tcSubsidyStandard'),
                dataIndex: 'subsidy',
                align: 'right',
                render: (v: number, p) => <span data-testid={`project-subsidy-${p.id}`}>{formatYuan(v, lang)}</span>,
              },
              { title: t('tcMinHours'), dataIndex: 'minHours', align: 'right' },
              {
                title: t('actions'),
                key: 'edit',
                render: (_, p) => (
                  <Button size="small" onClick={() => setEditing(p)} data-testid={`project-edit-${p.id}`}>
                    {t('edit')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </QueryPanel>
      {editing && <ProjectForm project={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
