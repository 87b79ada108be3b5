import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PageToolbar } from '../../../components/page-toolbar';
import { apiUrl } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useCatalogue } from '../../../lib/catalogue/get-catalogue';
import { useFileUpload } from '../../../lib/use-file-upload';
import { FileDropZone } from '../../../components/upload/file-drop-zone';
import { ProblemsTable } from '../../../components/upload/problems-table';
import { importHistoryFile } from '../api/import-history-file';
import { useTimeZone } from '../../../lib/catalogue/use-time-zone';

const EXAMPLE = [
  ['市人力资源社会保障局', '2020-03', '2020-04-08 10:20', '城中区', '120', '80', '…'],
  ['市人力资源社会保障局', '2020-03', '2020-04-08 10:20', '鱼峰区', '95', '60', '…'],
  ['市教育局', '2020年3月', '2020-04-10', '柳南区', '40', '0', '…'],
];

/**
 * The statistics office moves years of mailed reports in with one file: a line per county of each
 * department's month. Everything goes through the monthly rules; the file is stored whole or not at all.
 */
export function HistoryImportPage() {
  const { t } = useI18n();
  const zone = useTimeZone();
  const catalogue = useCatalogue();
  const { state, start } = useFileUpload(importHistoryFile);
  const deptName = new Map((catalogue.data?.departments ?? []).map((d) => [d.code, d.name]));

  return (
    <>
      <PageToolbar title={t('navImport')}>
        <Button href={apiUrl('/reports/import/sample.xlsx')} download data-testid="import-sample">
          {t('importSample')}
        </Button>
      </PageToolbar>
      <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 1100 }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('importIntro')}</Typography.Paragraph>
        <Table
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          title={() => t('importLayout')}
          dataSource={EXAMPLE.map((line, key) => ({ key, line }))}
          columns={['填报单位', '月份', '报送时间', '县区', '补贴性培训合计', '企业职工培训小计', '…'].map(
            (title, i) => ({
              title,
              key: title,
              render: (_: unknown, row: { line: string[] }) => row.line[i],
            }),
          )}
        />
        <FileDropZone state={state} onFile={start} hint={t('importDropHint')} />
        {state.kind === 'failed' && (
          <>
            <Alert type="error" showIcon title={`${state.name}: ${state.error.message}`} data-testid="import-error" />
            {state.error.details.length > 0 && catalogue.data && (
              <ProblemsTable problems={state.error.details} catalogue={catalogue.data} testId="import-problems" />
            )}
          </>
        )}
        {state.kind === 'done' && (
          <>
            <Alert
              type="success"
              showIcon
              data-testid="import-done"
              title={t(
                'importDone',
                state.result.reports.length,
                state.result.lines,
                state.result.reports.filter((r) => !r.onTime).length,
                state.result.warnings,
              )}
            />
            <Table
              size="small"
              rowKey={(r) => `${r.department}/${r.month}`}
              dataSource={state.result.reports}
              pagination={state.result.reports.length > 20 ? { pageSize: 20 } : false}
              columns={[
                { title: t('department'), dataIndex: 'department', render: (d: string) => deptName.get(d) ?? d },
                { title: t('month'), dataIndex: 'month' },
                {
                  title: t('version'),
                  dataIndex: 'version',
                  render: (v: number, r) => (
                    <Link to={`/reports/${r.department}/${r.month}`}>{t('versionShort', v)}</Link>
                  ),
                },
                { title: t('submittedAt'), dataIndex: 'submittedAt', render: (at: string) => formatDateTime(at, zone) },
                {
                  title: t('onTimeColumn'),
                  dataIndex: 'onTime',
                  render: (on: boolean) =>
                    on ? <Tag color="green">{t('onTime')}</Tag> : <Tag color="orange">{t('lateTag')}</Tag>,
                },
                { title: t('warnings'), dataIndex: 'warnings', align: 'right' },
              ]}
            />
          </>
        )}
      </Space>
    </>
  );
}
