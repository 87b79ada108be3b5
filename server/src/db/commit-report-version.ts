/**
 * The one write of a report version: its values and totals, its packed array, the lifecycle event, the
 * report's state and (unless the caller audits a whole batch) the audit entry, all in one transaction.
 */
import { appendAudit, type AuditRecord } from './audit-log';
import { writeTransaction, type Db } from './open-database';
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
 * Takes the write lock (BEGIN IMMEDIATE, or a savepoint inside an enclosing transaction), reads the
 * report, lets `plan` decide the version (or throw, and nothing is written), and writes it.
 *
 * @example
 * commitReportVersion(db, { department: 'RSJ', month: '2020-09' }, ({ state }) => {
 *   if (state?.status === 'accepted') throw conflict('locked');
 *   return { submittedAtMs: Date.now(), ...rest };
 * });
 */
export function commitReportVersion<P extends VersionPlan>(
  db: Db,
  report: { department: string; month: string },
  plan: (current: CurrentReport) => P,
): CommittedVersion<P> {
  return writeTransaction(db, () => {
    const { department, month } = report;
    const state = getReportState(db, department, month);
    const decided = plan({ state, previous: listVersionRows(db, department, month).at(-1) });
    const { id, version } = insertVersion(db, { department, month, ...decided });
    insertVersionArray(db, { versionId: id, ...decided.packed });
    upsertReportState(db, {
      department,
      month,
      status: 'submitted',
      latest_version: version,
      first_submitted_at_ms: decided.firstSubmittedAtMs,
      on_time: decided.onTime ? 1 : 0,
      status_reason: null,
    });
    appendReportEvent(db, {
      department,
      month,
      atMs: decided.submittedAtMs,
      actor: decided.submittedBy,
      action: 'submit',
      version,
      reason: null,
    });
    if (decided.audit) appendAudit(db, decided.audit.at, decided.audit.record(version));
    return { id, version, plan: decided };
  });
}
