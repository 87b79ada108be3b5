/** Reading reports: the latest version, any version, the version list and a department's months. */
import { visibleCounty } from '@lz/shared/access-policy';
import { formIndicators } from '@lz/shared/catalogue';
import { deadlineOf } from '@lz/shared/deadline';
import { monthRange } from '@lz/shared/months';
import type { Problem } from '@lz/shared/problems';
import type { ReportMonth, ReportVersion, VersionSummary } from '@lz/shared/api/reports';
import type { SessionUser } from '@lz/shared/api/session';
import { formatInZone } from '@lz/shared/zoned-time';
import {
  getReportState,
  getVersion,
  listReportEvents,
  listReportStates,
  listVersionRows,
  versionTotal,
  versionTotals,
  versionValues,
  type VersionRow,
} from '../../db/report-store';
import type { Deps } from '../../deps';
import { notFound } from '../../errors';
import { readVersionArray } from '../../db/version-arrays';

function iso(deps: Deps, ms: number): string {
  return formatInZone(new Date(ms), deps.catalogue.campaign.timeZone);
}

/**
 * A version's rows: every county-level unit × every indicator of the department's form, which is what
 * the write path stores (blanks and missing counties as 0). Read from the packed array when there is one.
 */
async function rowsOf(deps: Deps, versionId: number, department: string): Promise<ReportVersion['rows']> {
  const { catalogue } = deps;
  const size = catalogue.indicators.length * catalogue.units.length;
  const packed = await readVersionArray(deps.db, { versionId, layout: deps.figures.layout, size });
  if (packed) {
    const nC = catalogue.units.length;
    const form = formIndicators(catalogue, department).map((ind) => ({
      code: ind.code,
      at: catalogue.indicators.indexOf(ind) * nC,
    }));
    return catalogue.units.map((u, ci) => ({
      county: u.code,
      values: Object.fromEntries(form.map((f) => [f.code, packed[f.at + ci] ?? 0])),
    }));
  }
  const byCounty = new Map<string, Record<string, number>>();
  for (const v of await versionValues(deps.db, versionId)) {
    const values = byCounty.get(v.county) ?? {};
    values[v.indicator] = v.value;
    byCounty.set(v.county, values);
  }
  return deps.catalogue.units
    .filter((u) => byCounty.has(u.code))
    .map((u) => ({ county: u.code, values: byCounty.get(u.code) ?? {} }));
}

async function toVersion(deps: Deps, row: VersionRow): Promise<ReportVersion> {
  const state = await getReportState(deps.db, row.department, row.month);
  if (!state) throw notFound();
  const isLatest = state.latest_version === row.version;
  return {
    department: row.department,
    month: row.month,
    version: row.version,
    // Earlier versions were superseded while "submitted"; only the latest carries the current status.
    status: isLatest ? state.status : 'submitted',
    submittedAt: iso(deps, row.submitted_at_ms),
    submittedBy: row.submitted_by,
    firstSubmittedAt: iso(deps, state.first_submitted_at_ms),
    onTime: state.on_time === 1,
    deadline: iso(deps, deadlineOf(row.month, deps.catalogue.campaign).getTime()),
    source: row.source,
    fileName: row.file_name,
    rows: await rowsOf(deps, row.id, row.department),
    totals: await versionTotals(deps.db, row.id),
    warnings: JSON.parse(row.warnings) as Problem[],
    statusReason: isLatest ? state.status_reason : null,
  };
}

/** A county user sees only its own row, and totals of that row. */
export function scopeToViewer(v: ReportVersion, user: SessionUser): ReportVersion {
  const county = visibleCounty(user);
  if (county === null) return v;
  const rows = v.rows.filter((r) => r.county === county);
  return { ...v, rows, totals: rows[0]?.values ?? {}, warnings: v.warnings.filter((w) => w.county === county) };
}

export async function getLatestReport(deps: Deps, department: string, month: string): Promise<ReportVersion | null> {
  const state = await getReportState(deps.db, department, month);
  if (!state) return null;
  const row = await getVersion(deps.db, department, month, state.latest_version);
  return row ? toVersion(deps, row) : null;
}

export async function getReportVersion(
  deps: Deps,
  department: string,
  month: string,
  version: number,
): Promise<ReportVersion> {
  const row = await getVersion(deps.db, department, month, version);
  if (!row) throw notFound(`${department} ${month} 没有第 ${version} 版`);
  return toVersion(deps, row);
}

export async function listVersions(deps: Deps, department: string, month: string): Promise<VersionSummary[]> {
  const out: VersionSummary[] = [];
  for (const r of await listVersionRows(deps.db, department, month))
    out.push({
      version: r.version,
      submittedAt: iso(deps, r.submitted_at_ms),
      submittedBy: r.submitted_by,
      source: r.source,
      fileName: r.file_name,
      totals: await versionTotals(deps.db, r.id),
      warnings: JSON.parse(r.warnings) as Problem[],
    });
  return out;
}

export async function listEvents(deps: Deps, department: string, month: string) {
  return (await listReportEvents(deps.db, department, month)).map((e) => ({
    at: iso(deps, e.at_ms),
    actor: e.actor,
    action: e.action,
    version: e.version,
    reason: e.reason,
  }));
}

/**
 * Every window month of the given departments (or all reporting departments) with its status:
 * what is due, overdue, returned or done. Used by the department workspace and the review queue.
 */
export async function listReportMonths(deps: Deps, departments: string[]): Promise<ReportMonth[]> {
  const { catalogue, clock, db } = deps;
  const now = clock.now().getTime();
  const wanted = new Set(departments);
  const states = new Map(
    (await listReportStates(db)).filter((s) => wanted.has(s.department)).map((s) => [`${s.department}/${s.month}`, s]),
  );
  const out: ReportMonth[] = [];
  const currentMonth = formatInZone(new Date(now), catalogue.campaign.timeZone).slice(0, 7);
  for (const department of departments) {
    for (const month of monthRange(catalogue.campaign.start, catalogue.campaign.end)) {
      const deadline = deadlineOf(month, catalogue.campaign).getTime();
      const s = states.get(`${department}/${month}`);
      if (!s) {
        // A month is "due" once it has ended; before that nothing is asked yet.
        const status = month >= currentMonth ? 'not_due' : now > deadline ? 'overdue' : 'due';
        out.push({
          department,
          month,
          deadline: iso(deps, deadline),
          status,
          version: null,
          onTime: null,
          firstSubmittedAt: null,
          lastSubmittedAt: null,
          statusReason: null,
          warnings: 0,
          total: null,
        });
        continue;
      }
      const last = await getVersion(db, department, month, s.latest_version);
      if (!last) throw new Error(`${department}/${month} v${s.latest_version} missing`);
      out.push({
        department,
        month,
        deadline: iso(deps, deadline),
        status: s.status,
        version: s.latest_version,
        onTime: s.on_time === 1,
        firstSubmittedAt: iso(deps, s.first_submitted_at_ms),
        lastSubmittedAt: iso(deps, last.submitted_at_ms),
        statusReason: s.status_reason,
        warnings: (JSON.parse(last.warnings) as unknown[]).length,
        total: (await versionTotal(db, last.id, 'T')) ?? null,
      });
    }
  }
  return out;
}
