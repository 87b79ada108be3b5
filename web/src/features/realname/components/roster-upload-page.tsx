import { canFileRoster } from '@lz/shared/access-policy';
import { Alert, Select, Space } from 'antd';
import { Link } from 'react-router-dom';
import { PageToolbar } from '../../../components/page-toolbar';
import { FileDropZone } from '../../../components/upload/file-drop-zone';
import { useDepartments } from '../../../lib/catalogue/get-catalogue';
import { useI18n } from '../../../lib/i18n/i18n';
import { useUser } from '../../../lib/session/get-session';
import { useFileUpload } from '../../../lib/use-file-upload';
import { useUrlParam } from '../../../lib/url-state';
import type { RosterCreated } from '@lz/shared/api/rosters';
import { invalidateRealname, uploadRosterFile } from '../api/upload-roster-file';
import { ClassDescriptions } from './class-descriptions';
import { ContributionTable } from './contribution-table';
import { FlagEvidence } from './flag-evidence';
import { rosterProblems } from './problem-cells';
import { RosterProblemsTable } from './roster-problems-table';
import { type Names, useNames } from './use-names';

function Created({ roster, names }: { roster: RosterCreated; names: Names }) {
  const { t } = useI18n();
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="roster-created">
      <Alert
        type="success"
        showIcon
        title={t('rnStored', roster.trainees)}
        action={<Link to={`/rosters/${roster.id}`}>{t('view')}</Link>}
      />
      <ClassDescriptions facts={roster} names={names} />
      <h3 className="panel-title">{t('rnContribution')}</h3>
      <ContributionTable contribution={roster.contributes} names={names} />
      <h3 className="panel-title">{t('rnFlags', roster.flags.length)}</h3>
      {roster.flags.length === 0 ? (
        <p className="muted">{t('rnNoFlags')}</p>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="roster-created-flags">
          {roster.flags.map((f, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: an unsaved roster's flags have no id yet and never reorder
            <div className="card" key={`${f.kind}-${i}`}>
              <FlagEvidence flag={f} names={names} />
            </div>
          ))}
        </Space>
      )}
    </Space>
  );
}

/**
 * 花名册上传: a reporter files its own department's roster, the admin picks the department. A refused file
 * lists every problem at its cell (nothing was stored); a stored one shows its class, flags and what it
 * adds to the month's figures.
 */
export function RosterUploadPage() {
  const { t } = useI18n();
  const user = useUser();
  const names = useNames();
  const departments = useDepartments();
  const [picked, setPicked] = useUrlParam('department');
  const reporting = (departments.data ?? []).filter((d) => d.owesReports);
  const department = user.role === 'reporter' ? (user.department ?? '') : picked;
  const { state, start } = useFileUpload<RosterCreated>(
    (file, onProgress) => uploadRosterFile(file, user.role === 'admin' ? department : null, onProgress),
    invalidateRealname,
  );
  const allowed = department !== '' && canFileRoster(user, department);
  const problems = state.kind === 'failed' ? rosterProblems(state.error.details) : [];
  return (
    <>
      <PageToolbar title={`${t('navRosterUpload')} · ${names.department(department)}`}>
        {user.role === 'admin' && (
          <Select
            showSearch
            optionFilterProp="label"
            value={department || undefined}
            placeholder={t('rnPickDepartment')}
            onChange={(v: string) => setPicked(v)}
            style={{ width: 220 }}
            aria-label={t('department')}
            data-testid="roster-upload-department"
            options={reporting.map((d) => ({ value: d.code, label: d.name }))}
          />
        )}
      </PageToolbar>
      <section className="panel" data-testid="roster-upload">
        <div className="panel-body">
          <Space direction="vertical" style={{ width: '100%' }}>
            <p className="muted">{t('rnUploadHint')}</p>
            {allowed ? (
              <FileDropZone state={state} onFile={start} hint={t('rnDropHint')} />
            ) : (
              <Alert type="info" showIcon title={t('rnPickDepartment')} />
            )}
            {state.kind === 'failed' && (
              <>
                <Alert
                  type="error"
                  showIcon
                  data-testid="roster-upload-error"
                  title={`${state.name}: ${state.error.message}`}
                  description={problems.length > 0 ? t('rnRefusedNothingStored', problems.length) : undefined}
                />
                {problems.length > 0 && <RosterProblemsTable problems={problems} />}
              </>
            )}
            {state.kind === 'done' && <Created roster={state.result} names={names} />}
          </Space>
        </div>
      </section>
    </>
  );
}
