/**
 * The one write of a report version: its values and totals, its packed array, the lifecycle event, the
 * report's state and (unless the caller audits a whole batch) the audit entry, all in one transaction.
 */
import { appendAudit, type AuditRecord } from './audit-log';
import { lockReport, writeTransaction, type Db } from './open-database';
import {
  appendReportEvent,
  getReportState,
  insertVersion,
  listVersionRows,
  upsertReportState,
  type NewVersion,
  type ReportStateRow,
  type VersionRow,
} from './report-store';
import { insertVersionArray } from './version-arrays';

/** What the report holds when the write lock is taken. */
export interface CurrentReport {
  state: ReportStateRow | undefined;
  previous: VersionRow | undefined;
}

/** The version to write, decided from the current report while the lock is held. */
export interface VersionPlan extends Omit<NewVersion, 'department' | 'month'> {
  /** The same figures packed in `layout` (the read model's order). */
  packed: { layout: string; values: Float64Array };
  /** Timeliness, judged on the first submission. */
  firstSubmittedAtMs: number;
  onTime: boolean;
  /** The entry to append for this version, or null when the caller audits its whole batch. */
  audit: { at: Date; record: (version: number) => AuditRecord } | null;
}

export interface CommittedVersion<P extends VersionPlan> {
  id: number;
  version: number;
  plan: P;
}

/**
 * Takes the write lock (BEGIN IMMEDIATE, or a savepoint inside an enclosing transaction) and the report's lock
 * (`lockReport`), reads the report, lets `plan` decide the version (or throw, and nothing is written), and
 * writes it.
 *
 * @example
 * await commitReportVersion(trx, { department: 'RSJ', month: '2020-09' }, ({ state }) => {
 *   if (state?.status === 'accepted') throw conflict('locked');
 *   return { submittedAtMs: Date.now(), ...rest };
 * });
 */
export function commitReportVersion<P extends VersionPlan>(
  db: Db,
  report: { department: string; month: string },
  plan: (current: CurrentReport) => P,
): Promise<CommittedVersion<P>> {
  return writeTransaction(db, async (trx) => {
    const { department, month } = report;
    await lockReport(trx, department, month);
    const state = await getReportState(trx, department, month);
    const decided = plan({ state, previous: (await listVersionRows(trx, department, month)).at(-1) });
    const { id, version } = await insertVersion(trx, { department, month, ...decided });
    await insertVersionArray(trx, { versionId: id, ...decided.packed });
    await upsertReportState(trx, {
      department,
      month,
      status: 'submitted',
      latest_version: version,
      first_submitted_at_ms: decided.firstSubmittedAtMs,
      on_time: decided.onTime ? 1 : 0,
      status_reason: null,
    });
    await appendReportEvent(trx, {
      department,
      month,
      atMs: decided.submittedAtMs,
      actor: decided.submittedBy,
      action: 'submit',
      version,
      reason: null,
    });
    if (decided.audit) await appendAudit(trx, decided.audit.at, decided.audit.record(version));
    return { id, version, plan: decided };
  });
}
