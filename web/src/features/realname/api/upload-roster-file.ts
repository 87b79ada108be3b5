import type { RosterCreated } from '@lz/shared/api/rosters';
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';
import { uploadFile } from '../../../lib/upload-file';

/**
 * One roster file (.xlsx, .xls or .csv in GBK or UTF-8) as multipart `file`; the admin names the department,
 * a reporter's comes from its session. 201 is the stored class, 422 every problem at its cell.
 */
export function uploadRosterFile(
  file: File,
  department: string | null,
  onProgress: (percent: number) => void,
): Promise<RosterCreated> {
  return uploadFile<RosterCreated>('/rosters/file', file, onProgress, undefined, department ? { department } : {});
}

/** A stored or withdrawn roster changes the lists, its flags and the reconciliation. */
export function invalidateRealname(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: queryKeys.realname.all });
}
