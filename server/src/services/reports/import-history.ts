/**
 * Imports a history file (many departments × months in one table) through `submitReport` — the path of
 * every monthly submission, without reading each stored version back — inside one enclosing commit:
 * either every report in the file is stored or nothing is. All reports are tried before answering, so a 422 lists every
 * problem of every
 * report at once instead of the first one, and the office fixes the file in one pass.
 */
import { canBackfill } from '@lz/shared/access-policy';
import type { HistoryImportResult } from '@lz/shared/api/reports';
import type { SessionUser } from '@lz/shared/api/session';
import type { Problem } from '@lz/shared/problems';
import { appendAudit } from '../../db/audit-log';
import type { Deps } from '../../deps';
import { AppError, forbidden, tooLarge, tooManyProblems } from '../../errors';
import { MAX_HISTORY_BYTES, parseHistoryFile, type HistoryReport } from '../../import/history-file';
import { submitReport } from './submit-report';

export async function importHistoryFile(
  deps: Deps,
  s: { file: File; actor: SessionUser; ip?: string | null },
): Promise<HistoryImportResult> {
  // Back-filled submission times are the admin's alone (the same rule as `submittedAt` on one report).
  if (!canBackfill(s.actor)) throw forbidden('只有统计管理员可以导入历史数据');
  if (s.file.size > MAX_HISTORY_BYTES)
    throw tooLarge(`文件超过 ${MAX_HISTORY_BYTES / 1024 / 1024} MB 上限，请按年度拆分后导入`);
  const bytes = new Uint8Array(await s.file.arrayBuffer());
  const fileName = s.file.name.slice(0, 200);
  const reports = await parseHistoryFile({ bytes, fileName, catalogue: deps.catalogue, pool: deps.readPool });
  // Month order, so each report's soft rules see the months imported before it as its history.
  reports.sort((a, b) => a.month.localeCompare(b.month) || a.department.localeCompare(b.department));
  return storeAll(deps, reports, { ...s, fileName });
}

function storeAll(
  deps: Deps,
  reports: HistoryReport[],
  s: { actor: SessionUser; ip?: string | null; fileName: string },
): Promise<HistoryImportResult> {
  // Versions stored before a refusal are rolled back with the enclosing commit, and the read model with them.
  return deps.figures.commit(async ({ trx }) => {
    const problems: Problem[] = [];
    const stored: HistoryImportResult['reports'] = [];
    for (const report of reports) {
      try {
        const v = await submitReport(
          deps,
          {
            department: report.department,
            month: report.month,
            rows: report.rows,
            submittedAt: report.submittedAt,
            actor: s.actor,
            source: 'file',
            fileName: s.fileName,
            ip: s.ip,
          },
          { audit: 'caller', readBack: false, unchanged: 'store', file: report },
        );
        stored.push({ department: report.department, month: report.month, submittedAt: report.submittedAt, ...v });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        problems.push(...asProblems(deps, report, err));
      }
    }
    if (problems.length > 0) {
      throw tooManyProblems(problems, (count) => `${reports.length} 份报表中有 ${count}，未导入任何数据`);
    }
    const result: HistoryImportResult = {
      fileName: s.fileName,
      reports: stored,
      lines: reports.reduce((n, r) => n + r.rows.length, 0),
      warnings: stored.reduce((n, r) => n + r.warnings, 0),
    };
    await appendAudit(trx, deps.clock.now(), {
      actor: s.actor.username,
      action: 'report.import',
      target: s.fileName,
      before: null,
      after: {
        reports: stored.map((r) => `${r.department}/${r.month} v${r.version} ${r.submittedAt}`),
        lines: result.lines,
        warnings: result.warnings,
      },
      ip: s.ip ?? null,
    });
    return result;
  });
}

/** One report's refusal as located problems, each message led by the report it belongs to. */
function asProblems(deps: Deps, report: HistoryReport, err: AppError): Problem[] {
  const name = deps.catalogue.departments.find((d) => d.code === report.department)?.name ?? report.department;
  const where = `${name} ${report.month}（第${report.firstLine}行起）`;
  if (err.details && err.details.length > 0)
    return err.details.map((p) => ({ ...p, message: `${where}：${p.message}` }));
  // A refusal of the whole report (future time, month outside the window, no duty to report) points at the
  // 报送时间 or 月份 cell of its first line, so the office finds it in a file of thousands of lines.
  const cell = err.code.startsWith('submitted_at')
    ? report.metaCells.submittedAt
    : err.code === 'department_not_reporting'
      ? report.metaCells.department
      : report.metaCells.month;
  return [{ county: null, indicator: null, rule: err.code, cell, message: `${where}：${cell}：${err.message}` }];
}
