import type { Catalogue } from '@lz/shared/catalogue';
import { Alert, Button, Space } from 'antd';
import { useI18n } from '../../../lib/i18n/i18n';
import { uploadReportFile } from '../api/upload-report-file';
import { useFileUpload } from '../../../lib/use-file-upload';
import { FileDropZone } from '../../../components/upload/file-drop-zone';
import { ProblemsTable } from '../../../components/upload/problems-table';

/** Upload .xlsx / .csv with a progress bar; rejected files list each problem against its cell, county and column. */
export function UploadPanel({
  catalogue,
  department,
  month,
}: {
  catalogue: Catalogue;
  department: string;
  month: string;
}) {
  const { t } = useI18n();
  const { state, start } = useFileUpload((file, onProgress) => uploadReportFile(department, month, file, onProgress));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button href={`/api/reports/${department}/${month}/template.xlsx`} download>
          {t('template')}
        </Button>
      </Space>
      <FileDropZone state={state} onFile={start} hint={t('uploadDropHint')} />
      {state.kind === 'done' && (
        <Alert
          type="success"
          showIcon
          data-testid="upload-done"
          title={t('versionSubmittedFile', state.result.version, state.result.fileName ?? '')}
          description={
            state.result.warnings.length ? (
              <ProblemsTable problems={state.result.warnings} catalogue={catalogue} />
            ) : undefined
          }
        />
      )}
      {state.kind === 'failed' && (
        <>
          <Alert type="error" showIcon title={`${state.name}: ${state.error.message}`} data-testid="upload-error" />
          {state.error.details.length > 0 && (
            <ProblemsTable problems={state.error.details} catalogue={catalogue} testId="upload-problems" />
          )}
        </>
      )}
    </Space>
  );
}
