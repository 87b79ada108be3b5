/**
 * The one write path for report figures: the JSON route, the file route and the demo generator call
 * `submitReport`; the history import calls `storeReport`, the same without reading the version back. It validates, stores a new version and its lifecycle event, and audits, in one transaction;
 * a rejected submission writes nothing.
 */
import { canBackfill } from '@lz/shared/access-policy';
import { writeTransaction } from '../../db/open-database';
import { isOnTime } from '@lz/shared/deadline';
import { addMonths, monthRange } from '@lz/shared/months';
import type { Problem } from '@lz/shared/problems';
import { wallClockAt } from '@lz/shared/zoned-time';
import { checkReportBody, totalsOf, type ReportRow } from '@lz/shared/report-body';
import { softWarnings, type ReportHistory } from '@lz/shared/soft-rules';
import type { SessionUser } from '@lz/shared/api/session';
import type { ReportVersion } from '@lz/shared/api/reports';
import { appendAudit } from '../../db/audit-log';
import {
  appendReportEvent,
  getReportState,
  insertVersion,
  listVersionRows,
  upsertReportState,
} from '../../db/report-store';
import type { Deps } from '../../deps';
import { badRequest, conflict, forbidden, unprocessable } from '../../errors';
import { assertReportable } from './report-scope';
import { getFactStore, noteNewVersion, saveVersionArray } from '../progress/fact-store';
import { noteWrite } from '../progress/derived-cache';
import { getLatestReport } from './read-reports';

export interface Submission {
  department: string;
  month: string;
  rows: ReportRow[];
  actor: SessionUser;
  /** Admin back-fill from paper records; otherwise the clock's now. */
  submittedAt?: string;
  source: 'form' | 'file' | 'demo';
  fileName?: string | null;
  /** Warnings found while reading a file (blank cells …), stored with the version. */
  extraWarnings?: Problem[];
  ip?: string | null;
  /** Points a rule failure or warning at the uploaded file's cell. */
  locate?: (p: Problem) => Problem;
  /** A history import audits its whole batch as one entry instead of one per report. */
  auditedByCaller?: boolean;
}

/** How many earlier months feed the soft rules. */
const HISTORY_MONTHS = 12;

export function submitReport(deps: Deps, s: Submission): ReportVersion {
  storeReport(deps, s);
  const stored = getLatestReport(deps, s.department, s.month);
  if (!stored) throw new Error('stored report vanished');
  return stored;
}

export interface StoredReport {
  version: number;
  onTime: boolean;
  warnings: number;
}

/** `submitReport` without reading the stored version back: what a history import of hundreds of reports needs. */
export function storeReport(deps: Deps, s: Submission): StoredReport {
  const { db, catalogue, clock } = deps;
  assertReportable(deps, s.actor, s.department, s.month, 'write');
  if (s.submittedAt !== undefined && !canBackfill(s.actor)) {
    throw forbidden('只有统计管理员可以补录历史报送时间 (submittedAt)');
  }
  const now = clock.now();
  const stated = s.submittedAt === undefined ? now : new Date(s.submittedAt);
  if (stated.getTime() > now.getTime()) throw badRequest('报送时间不能晚于当前时间', 'submitted_at_in_future');
  if (s.month > monthOfInstant(deps, now)) {
    throw badRequest(`${s.month} 尚未开始，不能填报`, 'month_not_started');
  }
  // A back-filled time must also lie after the month began (the same rule as above, for the stated time).
  if (s.month > monthOfInstant(deps, stated)) {
    throw badRequest(`报送时间早于 ${s.month} 月初，月份尚未开始不能报送`, 'submitted_at_before_month');
  }

  const check = checkReportBody({ rows: s.rows }, s.department, catalogue);
  if (check.errors.length > 0) {
    throw unprocessable(
      `报表有 ${check.errors.length} 处不符合填报规则，未保存`,
      check.errors.map(s.locate ?? ((p) => p)),
    );
  }

  const write = () =>
    writeTransaction(db, () => {
      const state = getReportState(db, s.department, s.month);
      if (state?.status === 'accepted') {
        throw conflict(`${s.month} 报表已审核通过并锁定，如需修改请联系统计管理员解锁`, 'month_locked');
      }
      const previous = listVersionRows(db, s.department, s.month).at(-1);
      // A live submission is stamped when it holds the write lock, so versions are in time order even when
      // several processes (or requests) race; only a back-filled time can fall before the previous version.
      const at = s.submittedAt === undefined ? clock.now() : stated;
      if (previous && at.getTime() < previous.submitted_at_ms) {
        throw badRequest('补录的报送时间不能早于上一版本的报送时间', 'submitted_at_before_previous');
      }
      const warnings = [
        ...(s.extraWarnings ?? []),
        ...[...check.warnings, ...softWarnings(check.rows, loadHistory(deps, s.department, s.month), catalogue)].map(
          s.locate ?? ((p) => p),
        ),
      ];
      const { id, version } = insertVersion(db, {
        department: s.department,
        month: s.month,
        submittedAtMs: at.getTime(),
        submittedBy: s.actor.username,
        source: s.source,
        fileName: s.fileName ?? null,
        warnings,
        rows: check.rows,
        totals: totalsOf(check.rows),
      });
      // Timeliness is judged on the first submission and kept through returns and resubmissions.
      const firstAt = state?.first_submitted_at_ms ?? at.getTime();
      upsertReportState(db, {
        department: s.department,
        month: s.month,
        status: 'submitted',
        latest_version: version,
        first_submitted_at_ms: firstAt,
        on_time: isOnTime(s.month, new Date(firstAt), catalogue.campaign) ? 1 : 0,
        status_reason: null,
      });
      appendReportEvent(db, {
        department: s.department,
        month: s.month,
        atMs: at.getTime(),
        actor: s.actor.username,
        action: 'submit',
        version,
        reason: null,
      });
      if (!s.auditedByCaller)
        appendAudit(db, now, {
          actor: s.actor.username,
          action: 'report.submit',
          target: `${s.department}/${s.month}`,
          before: state ? { status: state.status, version: state.latest_version } : null,
          after: {
            status: 'submitted',
            version,
            source: s.source,
            fileName: s.fileName ?? null,
            submittedAt: at.toISOString(),
            totals: totalsOf(check.rows),
          },
          ip: s.ip ?? null,
        });
      const values = saveVersionArray(db, catalogue, id, check.rows);
      return {
        version,
        submittedAtMs: at.getTime(),
        values,
        onTime: isOnTime(s.month, new Date(firstAt), catalogue.campaign),
        warnings: warnings.length,
      };
    });
  const { onTime, warnings, ...stored } = write();
  noteNewVersion(db, { department: s.department, month: s.month, ...stored });
  noteWrite(db);
  return { version: stored.version, onTime, warnings };
}

/** The calendar month of an instant in the campaign's zone. */
function monthOfInstant(deps: Deps, instant: Date): string {
  const w = wallClockAt(instant, deps.catalogue.campaign.timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}`;
}

function loadHistory(deps: Deps, department: string, month: string): ReportHistory {
  // Read from the in-memory fact store (each report's latest version), not from SQL: at province scale
  // a year of one department's history is ~65,000 values.
  const store = getFactStore(deps.db, deps.catalogue);
  const di = store.departments.indexOf(department);
  const from = addMonths(month, -HISTORY_MONTHS);
  // Months without a report are left out rather than counted as zeros: a missing report is not a zero.
  const kept = monthRange(from, addMonths(month, -1))
    .filter((m) => m >= deps.catalogue.campaign.start)
    .map((m) => store.reports[di * store.months.length + store.months.indexOf(m)]?.at(-1))
    .filter((v): v is NonNullable<typeof v> => v !== undefined);
  const byCounty: ReportHistory['byCounty'] = {};
  const totals: ReportHistory['totals'] = {};
  if (di < 0) return { byCounty, totals };
  const nC = store.counties.length;
  store.indicators.forEach((indicator, ii) => {
    totals[indicator] = kept.map((v) => v.totals[ii] ?? 0);
    store.counties.forEach((county, ci) => {
      (byCounty[county] ??= {})[indicator] = kept.map((v) => v.values[ii * nC + ci] ?? 0);
    });
  });
  return { byCounty, totals };
}
