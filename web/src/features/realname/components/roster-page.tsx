import { canWithdrawRoster } from '@lz/shared/access-policy';
import { Alert, Table } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { PageToolbar } from '../../../components/page-toolbar';
import { QueryPanel } from '../../../components/query-panel';
import { useTimeZone } from '../../../lib/catalogue/use-time-zone';
import { formatDateTime, formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useUser } from '../../../lib/session/get-session';
import type { MaskedTrainee } from '../api/answers';
import { useRoster } from '../api/get-rosters';
import { ClassDescriptions } from './class-descriptions';
import { ContributionTable } from './contribution-table';
import { FlagList } from './flag-list';
import { useNames } from './use-names';
import { WithdrawButton } from './withdraw-button';

/** A class's page: its facts, trainees (masked as the API sends them), flags and what it adds to the month. */
export function RosterPage() {
  const { t, lang } = useI18n();
  const zone = useTimeZone();
  const user = useUser();
  const names = useNames();
  const { id = '' } = useParams();
  const roster = useRoster(id);
  const r = roster.data;
  const withdrawable =
    r !== undefined && r.status === 'active' && canWithdrawRoster(user, r.department, r.reportAccepted);
  return (
    <>
      <PageToolbar title={r ? `${t('rnClass')} · ${r.occupation} · ${r.level}` : t('rnClass')}>
        <Link to={r ? `/rosters?department=${r.department}&month=${r.month}` : '/rosters'}>{t('navRosters')}</Link>
        {withdrawable && <WithdrawButton id={id} />}
      </PageToolbar>
      <QueryPanel query={roster} testId="roster-page">
        {(d) => (
          <>
            {d.status === 'withdrawn' && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="roster-withdrawn"
                title={t('rnWithdrawn')}
                description={d.withdrawnReason}
              />
            )}
            <ClassDescriptions facts={d} names={names} />
            <p className="muted" style={{ marginTop: 8 }}>
              {t('rnFiledBy', d.createdBy, formatDateTime(d.createdAt, zone))}
            </p>
          </>
        )}
      </QueryPanel>
      {r && (
        <>
          <section className="panel">
            <header className="panel-head">
              <h2 className="panel-title">{t('rnContribution')}</h2>
            </header>
            <div className="panel-body">
              <ContributionTable contribution={r.contributes} names={names} />
            </div>
          </section>
          <section className="panel" data-testid="roster-flags">
            <header className="panel-head">
              <h2 className="panel-title">{t('rnFlags', r.flags.length)}</h2>
            </header>
            <div className="panel-body">
              <FlagList flags={r.flags} names={names} />
            </div>
          </section>
          <section className="panel">
            <header className="panel-head">
              <h2 className="panel-title">{t('rnTraineeList', r.traineeList.length)}</h2>
            </header>
            <div className="panel-body">
              <Table<MaskedTrainee>
                data-testid="roster-trainees"
                size="small"
                rowKey="row"
                dataSource={r.traineeList}
                scroll={{ x: 'max-content' }}
                pagination={r.traineeList.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
                columns={[
                  { title: t('rnRow'), dataIndex: 'row', width: 56, render: (v: number) => v },
                  { title: t('rnName'), dataIndex: 'name' },
                  { title: t('rnGender'), dataIndex: 'gender', width: 56 },
                  { title: t('rnIdNumber'), dataIndex: 'idNumber', render: (v: string) => <code>{v}</code> },
                  { title: t('rnGroup'), dataIndex: 'group', responsive: ['md'] },
                  { title: t('rnPhone'), dataIndex: 'phone', responsive: ['lg'] },
                  { title: t('rnCertificate'), dataIndex: 'certificateType', responsive: ['lg'] },
                  {
                    title: t('rnTrainingSubsidy'),
                    dataIndex: 'trainingSubsidy',
                    align: 'right',
                    render: (v: number) => formatYuan(v, lang),
                  },
                  {
                    title: t('rnLivingSubsidy'),
                    dataIndex: 'livingSubsidy',
                    align: 'right',
                    responsive: ['md'],
                    render: (v: number) => formatYuan(v, lang),
                  },
                  {
                    title: t('rnAssessmentSubsidy'),
                    dataIndex: 'assessmentSubsidy',
                    align: 'right',
                    responsive: ['md'],
                    render: (v: number) => formatYuan(v, lang),
                  },
                ]}
              />
            </div>
          </section>
        </>
      )}
    </>
  );
}
