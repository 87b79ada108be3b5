import type { Catalogue } from '@lz/shared/catalogue';
import type { ReportVersion } from '@lz/shared/api/reports';
import { Alert, Button, Descriptions, message as antMessage, Space, Tabs, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { canWriteReport } from '@lz/shared/access-policy';
import { PageToolbar } from '../../../components/page-toolbar';
import { QueryPanel } from '../../../components/query-panel';
import { combineQueries } from '../../../components/query-state';
import { StatusTag } from '../../../components/status-tag';
import { formatDateTime, formatMonth } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useUrlParam } from '../../../lib/url-state';
import { DrillBreadcrumb } from '../../../components/drill-breadcrumb';
import { useCatalogue } from '../../../lib/catalogue/get-catalogue';
import { useUser } from '../../../lib/session/get-session';
import { useReport } from '../api/get-report';
import { useReportVersion } from '../api/get-report-version';
import { EventsPanel } from './events-panel';
import { GridEntry } from './grid-entry';
import { ReportTable } from './report-table';
import { ReviewActions } from './review-actions';
import { RostersBeside } from './rosters-beside';
import { UploadPanel } from './upload-panel';
import { VersionsPanel } from './versions-panel';
import { useTimeZone } from '../../../lib/catalogue/use-time-zone';

function Summary({ report }: { report: ReportVersion }) {
  const { t } = useI18n();
  const zone = useTimeZone();
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 12 }}>
      <Descriptions.Item label={t('status')}>
        <StatusTag status={report.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t('version')}>
        <span data-testid="report-version" data-value={report.version}>
          {report.version}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('deadline')}>{formatDateTime(report.deadline, zone)}</Descriptions.Item>
      <Descriptions.Item label={t('onTime')}>
        {report.onTime ? <Tag color="green">{t('onTime')}</Tag> : <Tag color="red">{t('late')}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t('submittedAt')}>{formatDateTime(report.submittedAt, zone)}</Descriptions.Item>
      <Descriptions.Item label={t('submittedBy')}>{report.submittedBy}</Descriptions.Item>
    </Descriptions>
  );
}

/** A tab the link names but this user or this month does not offer (entry on an accepted month) shows the data. */
function ReportTabs({
  items,
  tab,
  setTab,
}: {
  items: { key: string; label: string; children: ReactNode }[];
  tab: string;
  setTab: (key: string) => void;
}) {
  const active = items.some((i) => i.key === tab) ? tab : 'data';
  return <Tabs activeKey={active} onChange={setTab} items={items} destroyOnHidden />;
}

/** One department × month: the data of any version, entry, upload, history and the review verbs. */
export function ReportPage() {
  const { department = '', month = '' } = useParams();
  const { t, lang } = useI18n();
  const user = useUser();
  const [params] = useSearchParams();
  const county = params.get('county') ?? undefined;
  const [tab, setTab] = useUrlParam('tab', 'data');
  const [toast, toastHolder] = antMessage.useMessage();
  const [vParam] = useUrlParam('v');
  const catalogue = useCatalogue();
  const latest = useReport(department, month);
  const pinned = useReportVersion(department, month, Number(vParam) || null);
  const writable = canWriteReport(user, department);
  const deptName = catalogue.data?.departments.find((d) => d.code === department)?.name ?? department;
  const shown = vParam ? pinned : latest;

  const tabs = (cat: Catalogue, report: ReportVersion | null) => {
    const locked = report?.status === 'accepted';
    const items = [
      {
        key: 'data',
        label: t('data'),
        children: report ? (
          <QueryPanel query={shown} isEmpty={(v) => !v}>
            {(v) =>
              v ? (
                <ReportTable
                  catalogue={cat}
                  version={v}
                  highlightCounty={county ?? (user.role === 'county' ? (user.county ?? undefined) : undefined)}
                />
              ) : null
            }
          </QueryPanel>
        ) : (
          <Alert type="info" showIcon title={t('notSubmittedYet')} />
        ),
      },
    ];
    if (writable && !locked) {
      items.push({
        key: 'entry',
        label: t('entry'),
        children: (
          <GridEntry
            key={report?.version ?? 0}
            catalogue={cat}
            department={department}
            month={month}
            latest={report}
            onSubmitted={(version) => {
              toast.success(t('versionSubmitted', version));
              setTab('data');
            }}
          />
        ),
      });
      items.push({
        key: 'upload',
        label: t('upload'),
        children: <UploadPanel catalogue={cat} department={department} month={month} />,
      });
    }
    if (report && user.role !== 'county')
      items.push({
        key: 'versions',
        label: t('versions'),
        children: <VersionsPanel catalogue={cat} department={department} month={month} highlightCounty={county} />,
      });
    if (report)
      items.push({
        key: 'events',
        label: t('events'),
        children: <EventsPanel department={department} month={month} />,
      });
    return items;
  };

  return (
    <>
      {toastHolder}
      <PageToolbar title={`${deptName} · ${formatMonth(month, lang)}`}>
        {user.role !== 'county' && (
          <Button href={`/api/reports/${department}/${month}/template.xlsx`} download>
            {t('template')}
          </Button>
        )}
        {user.role === 'admin' && latest.data && (
          <ReviewActions
            department={department}
            month={month}
            status={latest.data.status}
            version={latest.data.version}
            size="middle"
          />
        )}
      </PageToolbar>
      {user.role !== 'reporter' && (
        <DrillBreadcrumb path={{ county, department, month, version: shown.data?.version }} />
      )}
      <QueryPanel query={combineQueries(catalogue, latest)} testId="report-panel">
        {([cat, report]) => (
          <>
            {/* The viewed version's own header: an old version keeps its number and time, not the latest's. */}
            {report && <Summary report={vParam && shown.data ? shown.data : report} />}
            {report && vParam && shown.data && shown.data.version !== report.version && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="old-version"
                title={t('oldVersion', shown.data.version, report.version)}
                action={<Link to={`/reports/${department}/${month}`}>{t('viewLatest')}</Link>}
              />
            )}
            {/* County users read their own row only; reconciliation is the whole department's. */}
            {report && user.role !== 'county' && <RostersBeside department={department} month={month} />}
            {report?.status === 'returned' && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={`${t('statusReturned')}: ${report.statusReason ?? ''}`}
                data-testid="returned-reason"
              />
            )}
            {report?.status === 'accepted' && writable && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                title={user.role === 'admin' ? t('lockedAdmin') : t('lockedReporter')}
              />
            )}
            <Space direction="vertical" style={{ width: '100%' }}>
              <ReportTabs items={tabs(cat, report)} tab={tab} setTab={setTab} />
            </Space>
          </>
        )}
      </QueryPanel>
    </>
  );
}
