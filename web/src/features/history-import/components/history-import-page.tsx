import { Alert, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PageToolbar } from '../../../components/page-toolbar';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useCatalogue } from '../../reference/api/use-catalogue';
import { useFileUpload } from '../../reports/api/use-file-upload';
import { FileDropZone } from '../../reports/components/file-drop-zone';
import { ProblemsTable } from '../../reports/components/problems-table';
import { importHistoryFile } from '../api/import-history-file';

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
  const { t, lang } = useI18n();
  const zh = lang === 'zh';
  const catalogue = useCatalogue();
  const { state, start } = useFileUpload(importHistoryFile);
  const deptName = new Map((catalogue.data?.departments ?? []).map((d) => [d.code, d.name]));

  return (
    <>
      <PageToolbar title={t('navImport')} />
      <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 1100 }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {zh
            ? '一个文件可包含多个单位、多个月份的月报（每行为某单位某月一个县区的数据），按与月报相同的规则逐份校验；任何一处有误则整个文件都不导入，并列出所有问题。已审核锁定的月份不能导入。'
            : 'One file may hold many departments’ months (one line per county of a department’s month). Each report is checked by the monthly rules; if anything is wrong nothing is imported and every problem is listed. Accepted (locked) months cannot be imported.'}
        </Typography.Paragraph>
        <Table
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          title={() =>
            zh
              ? '表格格式（表头可有标题行和两行表头；指标列写名称或代码，如“补贴性培训合计”或 T）'
              : 'Layout (title lines and two-row headers allowed; indicators by name or code)'
          }
          dataSource={EXAMPLE.map((line, key) => ({ key, line }))}
          columns={['填报单位', '月份', '报送时间', '县区', '补贴性培训合计', '企业职工培训小计', '…'].map(
            (title, i) => ({
              title,
              key: title,
              render: (_: unknown, row: { line: string[] }) => row.line[i],
            }),
          )}
        />
        <FileDropZone
          state={state}
          onFile={start}
          hint={
            zh
              ? '点击或拖入历史数据 .xlsx / .csv 文件（最大 20 MB）'
              : 'Click or drop a history .xlsx / .csv file (up to 20 MB)'
          }
        />
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
              title={
                zh
                  ? `已导入 ${state.result.reports.length} 份报表（${state.result.lines} 行），其中 ${state.result.reports.filter((r) => !r.onTime).length} 份逾期报送，${state.result.warnings} 条提示`
                  : `Imported ${state.result.reports.length} reports (${state.result.lines} lines); ${state.result.reports.filter((r) => !r.onTime).length} late, ${state.result.warnings} warnings`
              }
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
                  title: zh ? '版本' : 'Version',
                  dataIndex: 'version',
                  render: (v: number, r) => (
                    <Link to={`/reports/${r.department}/${r.month}`}>{zh ? `第 ${v} 版` : `v${v}`}</Link>
                  ),
                },
                { title: t('submittedAt'), dataIndex: 'submittedAt', render: (at: string) => formatDateTime(at) },
                {
                  title: zh ? '是否按时' : 'On time',
                  dataIndex: 'onTime',
                  render: (on: boolean) =>
                    on ? (
                      <Tag color="green">{zh ? '按时' : 'On time'}</Tag>
                    ) : (
                      <Tag color="orange">{zh ? '逾期' : 'Late'}</Tag>
                    ),
                },
                { title: zh ? '提示' : 'Warnings', dataIndex: 'warnings', align: 'right' },
              ]}
            />
          </>
        )}
      </Space>
    </>
  );
}
