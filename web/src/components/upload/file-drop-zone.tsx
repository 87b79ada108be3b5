import { InboxOutlined } from '@ant-design/icons';
import { Progress, Upload } from 'antd';
import type { UploadState } from '../../lib/use-file-upload';

/** Click-or-drop for one .xlsx/.xls/.ods/.csv, disabled while it uploads, with the upload's progress bar under it. */
export function FileDropZone({
  state,
  onFile,
  hint,
}: {
  state: UploadState<unknown>;
  onFile: (file: File) => void;
  hint: string;
}) {
  return (
    <>
      <Upload.Dragger
        accept=".xlsx,.xls,.ods,.csv"
        multiple={false}
        showUploadList={false}
        disabled={state.kind === 'uploading'}
        customRequest={({ file }) => onFile(file as File)}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{hint}</p>
      </Upload.Dragger>
      {state.kind === 'uploading' && <Progress percent={state.percent} status="active" aria-label={state.name} />}
    </>
  );
}
