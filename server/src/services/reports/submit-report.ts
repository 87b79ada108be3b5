/**
 * The one entry point for report figures: the JSON and file routes, the history import, the demo
 * generator and the benchmarks call `submitReport`. It validates, then commits the version through the
 * read model (`deps.figures.commit`) with db/commit-report-version.ts — values, totals, packed array,
 * lifecycle event, report state and audit in one transaction; a rejected submission writes nothing.
 */
import { canBackfill } from '@lz/shared/access-policy';
import { isOnTime } from '@lz/shared/deadline';
import { addMonths, monthRange } from '@lz/shared/months';
import type { Problem } from '@lz/shared/problems';
import { wallClockAt } from '@lz/shared/zoned-time';
import { checkReportBody, totalsOf, type ReportRow } from '@lz/shared/report-body';
import { softWarnings, type ReportHistory } from '@lz/shared/soft-rules';
import type { SessionUser } from '@lz/shared/api/session';
import type { ReportVersion } from '@lz/shared/api/reports';
import { commitReportVersion } from '../../db/commit-report-version';
import type { Deps } from '../../deps';
import { badRequest, conflict, forbidden, tooManyProblems } from '../../errors';
import { assertReportable } from './report-scope';
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
  ip?: string | null;
}

export interface SubmitOptions {
  /** `'caller'`: a history import audits its whole batch as one entry instead of one per report. */
  audit?: 'self' | 'caller';
  /** Read the stored version back (the default); a history import of hundreds of reports does not. */
  readBack?: boolean;
  /**
   * `'refuse'` (the default): figures equal to the latest version's are answered 409 unchanged. A history
   * import (`'store'`) re-states back-filled submissions with their own times, so it stores them.
   */
  unchanged?: 'refuse' | 'store';
  /** The uploaded file the rows were read from. */
  file?: {
    /** Warnings found while reading it (blank cells …), stored with the version. */
    warnings: Problem[];
    /** Problems found while reading it, refused together with the report rules' (one answer for all). */
    problems?: Problem[];
    /** "county|indicator" of cells that could not be read, exempt from the column relations. */
    unreadable?: ReadonlySet<string>;
    /** Points a rule failure or warning at the file's cell. */
    locate: (p: Problem) => Problem;
  };
}

/** How many earlier months feed the soft rules. */
const HISTORY_MONTHS = 12;

export interface StoredReport {
  version: number;
  onTime: boolean;
  warnings: number;
}

/**
 * Validates and stores a new version of a department's month.
 *
 * @example
 * const stored = await submitReport(deps, { department: 'RSJ', month: '2020-09', rows, actor, source: 'form' });
 * const brief = await submitReport(deps, submission, { audit: 'caller', readBack: false, file: parsed });
 */
export function submitReport(
  deps: Deps,
  s: Submission,
  options?: SubmitOptions & { readBack?: true },
): Promise<ReportVersion>;
export function submitReport(
  deps: Deps,
  s: Submission,
  options: SubmitOptions & { readBack: false },
): Promise<StoredReport>;
export async function submitReport(
  deps: Deps,
  s: Submission,
  options: SubmitOptions = {},
): Promise<ReportVersion | StoredReport> {
  const stored = await storeReport(deps, s, options);
  if (options.readBack === false) return stored;
  const version = await getLatestReport(deps, s.department, s.month);
  if (!version) throw new Error('stored report vanished');
  return version;
}

async function storeReport(deps: Deps, s: Submission, options: SubmitOptions): Promise<StoredReport> {
  const { catalogue, clock } = deps;
  const locate = options.file?.locate ?? ((p: Problem) => p);
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

  const check = checkReportBody({ rows: s.rows }, s.department, catalogue, options.file?.unreadable);
  const errors = [...(options.file?.problems ?? []), ...check.errors.map(locate)];
  if (errors.length > 0) {
    throw tooManyProblems(errors, (count) => `报表有 ${count}，未保存`);
  }

  const totals = totalsOf(check.rows);
  const packed = { layout: deps.figures.layout, values: deps.figures.pack(check.rows) };
  const { version, plan } = await deps.figures.commit(async (tx) => {
    const committed = await commitReportVersion(tx.trx, s, ({ state, previous }) => {
      if (state?.status === 'accepted') {
        // The statistics office is the one who unlocks: telling it to contact itself helps nobody.
        const next = s.actor.role === 'admin' ? '如需修改请先在审核页解锁该月' : '如需修改请联系统计管理员解锁';
        throw conflict(`${s.month} 报表已审核通过并锁定，${next}`, 'month_locked');
      }
      // A live submission is stamped when it holds the write lock, so versions are in time order even when
      // several processes (or requests) race; only a back-filled time can fall before the previous version.
      const at = s.submittedAt === undefined ? clock.now() : stated;
      if (previous && at.getTime() < previous.submitted_at_ms) {
        throw badRequest('补录的报送时间不能早于上一版本的报送时间', 'submitted_at_before_previous');
      }
      // An unchanged re-upload would store a version no one can tell from the last (docs/decisions.md); a
      // returned report may be sent back unchanged, the reporter confirming its figures.
      const refuse = options.unchanged !== 'store' && previous && state?.status !== 'returned';
      if (refuse && sameAsLatest(deps, s, packed.values, previous.version)) {
        throw conflict('与上一版本相同，未生成新版本', 'unchanged');
      }
      const history = loadHistory(deps, s.department, s.month);
      const warnings = [
        ...(options.file?.warnings ?? []),
        ...[...check.warnings, ...softWarnings(check.rows, history, catalogue)].map(locate),
      ];
      // Timeliness is judged on the first submission and kept through returns and resubmissions.
      const firstAt = state?.first_submitted_at_ms ?? at.getTime();
      const fileName = s.fileName ?? null;
      return {
        submittedAtMs: at.getTime(),
        submittedBy: s.actor.username,
        source: s.source,
        fileName,
        warnings,
        rows: check.rows,
        totals,
        packed,
        firstSubmittedAtMs: firstAt,
        onTime: isOnTime(s.month, new Date(firstAt), catalogue.campaign),
        audit:
          options.audit === 'caller'
            ? null
            : {
                at: now,
                record: (version: number) => ({
                  actor: s.actor.username,
                  action: 'report.submit',
                  target: `${s.department}/${s.month}`,
                  before: state ? { status: state.status, version: state.latest_version } : null,
                  after: {
                    status: 'submitted',
                    version,
                    source: s.source,
                    fileName,
                    submittedAt: at.toISOString(),
                    totals,
                  },
                  ip: s.ip ?? null,
                }),
              },
      };
    });
    tx.versionStored({
      department: s.department,
      month: s.month,
      version: committed.version,
      submittedAtMs: committed.plan.submittedAtMs,
      values: packed.values,
    });
    return committed;
  });
  return { version, onTime: plan.onTime, warnings: plan.warnings.length };
}

function sameAsLatest(deps: Deps, s: Submission, values: Float64Array, version: number): boolean {
  // Inside the commit: the figures as of its write lock, with the versions this commit stored so far.
  const store = deps.figures.current();
  const di = store.departments.indexOf(s.department);
  const mi = store.months.indexOf(s.month);
  const latest = di < 0 || mi < 0 ? undefined : store.reports[di * store.months.length + mi]?.at(-1);
  if (!latest || latest.version !== version || latest.values.length !== values.length) return false;
  return latest.values.every((v, i) => v === values[i]);
}

/** The calendar month of an instant in the campaign's zone. */
function monthOfInstant(deps: Deps, instant: Date): string {
  const w = wallClockAt(instant, deps.catalogue.campaign.timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}`;
}

function loadHistory(deps: Deps, department: string, month: string): ReportHistory {
  // Read from the in-memory fact store (each report's latest version), not from SQL: at province scale
  // a year of one department's history is ~65,000 values.
  const store = deps.figures.current();
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
      const row = byCounty[county] ?? {};
      byCounty[county] = row;
      row[indicator] = kept.map((v) => v.values[ii * nC + ci] ?? 0);
    });
  });
  return { byCounty, totals };
}
