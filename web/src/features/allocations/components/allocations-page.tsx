import { monthRange, yearOf } from '@lz/shared/months';
import { Button, Select, Typography } from 'antd';
import { PageToolbar } from '../../../components/page-toolbar';
import { QueryPanel } from '../../../components/query-panel';
import { combineQueries } from '../../../components/query-state';
import { formatInteger } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useUrlParam } from '../../../lib/url-state';
import { useCampaign, useDepartments, useTargets } from '../../../lib/catalogue/get-catalogue';
import { useUser } from '../../../lib/session/get-session';
import { useAllocations } from '../api/get-allocations';
import { AllocationEditor } from './allocation-editor';

/** 目标责任制度: the office splits each flow target among departments; a department splits its share among counties. */
export function AllocationsPage() {
  const { t } = useI18n();
  const user = useUser();
  const targets = useTargets();
  const campaign = useCampaign();
  const departments = useDepartments();
  const [target, setTarget] = useUrlParam('target', 'T');
  const [picked, setPicked] = useUrlParam('department');
  const department = user.role === 'reporter' ? (user.department ?? undefined) : picked || undefined;
  const view = useAllocations(target, department);
  const both = combineQueries(view, campaign);
  const deptName = departments.data?.find((d) => d.code === department)?.name;
  const flow = (targets.data ?? []).filter((x) => x.kind === 'cumulative');

  return (
    <>
      <PageToolbar title={t('navAllocations')}>
        <Select
          value={target}
          onChange={(v: string) => setTarget(v)}
          style={{ width: 240 }}
          aria-label={t('target')}
          options={flow.map((x) => ({ value: x.code, label: x.name }))}
        />
        {user.role === 'admin' && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('allocationDepartmentsHint')}
            value={picked || undefined}
            onChange={(v?: string) => setPicked(v ?? null)}
            style={{ width: 260 }}
            aria-label={t('department')}
            options={(departments.data ?? [])
              .filter((d) => d.owesReports)
              .map((d) => ({ value: d.code, label: d.name }))}
          />
        )}
      </PageToolbar>
      <QueryPanel
        query={both}
        testId="allocations-panel"
        title={department ? `${deptName ?? department} → ${t('county')}` : `${t('city')} → ${t('department')}`}
        extra={
          view.data ? (
            <Typography.Text type="secondary">
              {t('target')} {formatInteger(view.data.targetValue)}
              {view.data.parentValue !== null && department
                ? ` · ${t('thisDepartment')} ${formatInteger(view.data.parentValue)}`
                : ''}
            </Typography.Text>
          ) : null
        }
      >
        {([v, c]) => (
          <>
            {department && user.role === 'admin' && (
              <Button size="small" style={{ marginBottom: 8 }} onClick={() => setPicked(null)}>
                ← {t('backToDepartments')}
              </Button>
            )}
            <AllocationEditor
              key={`${v.target}/${v.department ?? ''}/${v.sum}`}
              view={v}
              years={[...new Set(monthRange(c.start, c.end).map(yearOf))]}
              editable={user.role === 'admin' || (user.role === 'reporter' && department === user.department)}
              onPick={user.role === 'admin' && !department ? (code) => setPicked(code) : undefined}
            />
          </>
        )}
      </QueryPanel>
    </>
  );
}
