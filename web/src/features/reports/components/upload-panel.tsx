import { InboxOutlined } from '@ant-design/icons';
import type { Catalogue } from '@lz/shared/catalogue';
import type { ReportVersion } from '@lz/shared/api/reports';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Progress, Space, Upload } from 'antd';
import { useState } from 'react';
import { ApiRequestError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n/i18n';
import { invalidateAfterReportChange } from '../api/invalidate-report';
import { uploadReportFile } from '../api/upload-report-file';
import { ProblemsTable } from './problems-table';

type State = { kind: 'idle' } | { kind: 'uploading'; percent: number; name: string } | { kind: 'failed'; error: ApiRequestError; name: string } | { kind: 'done'; version: ReportVersion };

/** Upload .xlsx / .csv with a progress bar; rejected files list each problem against its cell, county and column. */
export function UploadPanel({ catalogue, department, month }: { catalogue: Catalogue; department: string; month: string }) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const [state, setState] = useState<State>({ kind: 'idle' });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button href={`/api/reports/${department}/${month}/template.xlsx`} download>
          {t('template')}
        </Button>
      </Space>
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={state.kind === 'uploading'}
        customRequest={({ file }) => {
          const f = file as File;
          setState({ kind: 'uploading', percent: 0, name: f.name });
          uploadReportFile(department, month, f, (percent) => setState({ kind: 'uploading', percent, name: f.name }))
            .then(async (version) => {
              setState({ kind: 'done', version });
              await invalidateAfterReportChange(client);
            })
            .catch((e: unknown) => setState({ kind: 'failed', name: f.name, error: e instanceof ApiRequestError ? e : new ApiRequestError(0, 'error', String(e)) }));
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{lang === 'zh' ? '点击或拖入 .xlsx / .csv 文件（最新版本将被新版本替代，旧版本保留）' : 'Click or drop an .xlsx / .csv file (a new version; earlier ones are kept)'}</p>
      </Upload.Dragger>
      {state.kind === 'uploading' && <Progress percent={state.percent} status="active" aria-label={state.name} />}
      {state.kind === 'done' && (
        <Alert
          type="success"
          showIcon
          data-testid="upload-done"
          title={lang === 'zh' ? `已报送第 ${state.version.version} 版（${state.version.fileName ?? ''}）` : `Version ${state.version.version} submitted`}
          description={state.version.warnings.length ? <ProblemsTable problems={state.version.warnings} catalogue={catalogue} /> : undefined}
        />
      )}
      {state.kind === 'failed' && (
        <>
          <Alert type="error" showIcon title={`${state.name}: ${state.error.message}`} data-testid="upload-error" />
          {state.error.details.length > 0 && <ProblemsTable problems={state.error.details} catalogue={catalogue} testId="upload-problems" />}
        </>
      )}
    </Space>
  );
}
