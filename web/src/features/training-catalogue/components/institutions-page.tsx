import { institutionStatuses, institutionTypes } from '@lz/shared/api/disclosure';
import type { Institution } from '@lz/shared/api/rosters';
import { Button, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { PageToolbar } from '../../../components/page-toolbar';
import { QueryPanel } from '../../../components/query-panel';
import { useUnits } from '../../../lib/catalogue/get-catalogue';
import { useI18n } from '../../../lib/i18n/i18n';
import { useInstitutions } from '../api/get-catalogue-lists';
import { InstitutionForm } from './institution-form';
import { StatusForm } from './status-form';

const statusColor: Record<Institution['status'], string> = { 有效: 'green', 暂停: 'orange', 注销: 'default' };

const approvedStyle = {
  display: 'inline-block',
  maxWidth: 260,
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  verticalAlign: 'bottom',
} as const;

interface Filters {
  text: string;
  county?: string;
  type?: string;
  status?: Institution['status'];
}

function matches(i: Institution, f: Filters): boolean {
  const text = f.text.trim();
  return (
    (!text || i.name.includes(text) || i.creditCode.includes(text.toUpperCase())) &&
    (!f.county || i.county === f.county) &&
    (!f.type || i.type === f.type) &&
    (!f.status || i.status === f.status)
  );
}

/** 培训机构目录: the admin finds, adds and edits institutions and changes their status with its date. */
export function InstitutionsPage() {
  const { t } = useI18n();
  const institutions = useInstitutions();
  const units = useUnits();
  const countyName = (code: string) => units.data?.find((u) => u.code === code)?.name ?? code;
  const [filters, setFilters] = useState<Filters>({ text: '' });
  const [editing, setEditing] = useState<Institution | 'new' | null>(null);
  const [status, setStatus] = useState<Institution | null>(null);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  return (
    <>
      <PageToolbar title={t('navInstitutions')}>
        <Input.Search
          allowClear
          placeholder={t('tcSearchInstitution')}
          onChange={(e) => set({ text: e.target.value })}
          style={{ width: 220 }}
          aria-label={t('tcSearchInstitution')}
        />
        <Select
          allowClear
          placeholder={t('county')}
          style={{ width: 130 }}
          aria-label={t('county')}
          onChange={(county?: string) => set({ county })}
          options={(units.data ?? []).map((u) => ({ value: u.code, label: u.name }))}
        />
        <Select
          allowClear
          placeholder={t('tcInstitutionType')}
          style={{ width: 150 }}
          aria-label={t('tcInstitutionType')}
          onChange={(type?: string) => set({ type })}
          options={institutionTypes.map((x) => ({ value: x, label: x }))}
        />
        <Select
          allowClear
          placeholder={t('status')}
          style={{ width: 110 }}
          aria-label={t('status')}
          onChange={(s?: Institution['status']) => set({ status: s })}
          options={institutionStatuses.map((s) => ({ value: s, label: s }))}
        />
        <Button type="primary" onClick={() => setEditing('new')} data-testid="institution-add">
          {t('tcAddInstitution')}
        </Button>
      </PageToolbar>
      <QueryPanel query={institutions} testId="institution-list" isEmpty={(l) => l.length === 0}>
        {(list) => (
          <Table<Institution>
            rowKey="id"
            size="small"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            dataSource={list.filter((i) => matches(i, filters))}
            columns={[
              { title: t('tcInstitutionName'), dataIndex: 'name' },
              {
                title: t('tcCreditCode'),
                dataIndex: 'creditCode',
                responsive: ['xxl'],
                render: (c: string) => <code>{c}</code>,
              },
              { title: t('county'), dataIndex: 'county', render: countyName },
              { title: t('tcInstitutionType'), dataIndex: 'type', responsive: ['md'] },
              {
                title: t('tcApproved'),
                key: 'approved',
                responsive: ['lg'],
                // One line per institution, the full list on hover: status and actions stay on the screen.
                render: (_, i) => {
                  const text = i.approved.map((a) => `${a.occupation}（${a.level}）`).join('、');
                  return (
                    <span title={text} style={approvedStyle}>
                      {text}
                    </span>
                  );
                },
              },
              {
                title: t('status'),
                key: 'status',
                render: (_, i) => (
                  <span data-testid={`institution-status-${i.id}`}>
                    <Tag color={statusColor[i.status]}>{i.status}</Tag>
                    {i.statusSince && <small>{t('tcSince', i.statusSince)}</small>}
                  </span>
                ),
              },
              {
                title: t('actions'),
                key: 'actions',
                render: (_, i) => (
                  <Space size={4} wrap>
                    <Button size="small" onClick={() => setEditing(i)}>
                      {t('edit')}
                    </Button>
                    <Button size="small" onClick={() => setStatus(i)} data-testid={`institution-status-edit-${i.id}`}>
                      {t('tcChangeStatus')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryPanel>
      {editing && <InstitutionForm institution={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {status && <StatusForm institution={status} onClose={() => setStatus(null)} />}
    </>
  );
}
