import type { ReportVersion } from '@lz/shared/api/reports';
import { uploadFile } from '../../../lib/upload-file';

/** Uploads one department's monthly .xlsx/.csv; the answer is the stored version. */
export function uploadReportFile(
  department: string,
  month: string,
  file: File,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
): Promise<ReportVersion> {
  return uploadFile<ReportVersion>(
    `/reports/${encodeURIComponent(department)}/${month}/file`,
    file,
    onProgress,
    signal,
  );
}
