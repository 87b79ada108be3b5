import type { HistoryImportResult } from '@lz/shared/api/reports';
import { uploadFile } from '../../../lib/upload-file';

/** Sends a history file (many departments × months); all of it is stored or none. */
export function importHistoryFile(file: File, onProgress: (percent: number) => void): Promise<HistoryImportResult> {
  return uploadFile<HistoryImportResult>('/reports/import', file, onProgress);
}
