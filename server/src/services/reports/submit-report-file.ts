/** A file upload is read into rows, then goes down the same path as a JSON submission. */
import type { SessionUser } from '@lz/shared/api/session';
import type { ReportVersion } from '@lz/shared/api/reports';
import { parseReportFile, MAX_UPLOAD_BYTES } from '../../import/parse-report-file';
import type { Deps } from '../../deps';
import { tooLarge } from '../../errors';
import { assertReportable } from './report-scope';
import { submitReport } from './submit-report';

export async function submitReportFile(
  deps: Deps,
  s: { department: string; month: string; file: File; submittedAt?: string; actor: SessionUser; ip?: string | null },
): Promise<ReportVersion> {
  // Checked before the file is read, so a refused upload is never parsed (the write path checks again).
  assertReportable(deps, s.actor, s.department, s.month, 'write');
  if (s.file.size > MAX_UPLOAD_BYTES) throw tooLarge(`文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB 上限`);
  const bytes = new Uint8Array(await s.file.arrayBuffer());
  const parsed = await parseReportFile({
    bytes,
    fileName: s.file.name,
    department: s.department,
    month: s.month,
    catalogue: deps.catalogue,
    pool: deps.readPool,
  });
  return submitReport(
    deps,
    {
      department: s.department,
      month: s.month,
      rows: parsed.rows,
      submittedAt: s.submittedAt,
      actor: s.actor,
      source: 'file',
      fileName: s.file.name.slice(0, 200),
      ip: s.ip,
    },
    { file: parsed },
  );
}
