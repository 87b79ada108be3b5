/**
 * The report reads the API serves, each checked and narrowed for the signed-in viewer by the shared access
 * policy: the routes call these and do no scoping of their own.
 */
import { canReadVersions, reportListDepartments, visibleCounty } from '@lz/shared/access-policy';
import type { ReportEvent, ReportMonth, ReportVersion, VersionSummary } from '@lz/shared/api/reports';
import type { SessionUser } from '@lz/shared/api/session';
import type { Deps } from '../../deps';
import { forbidden, notFound } from '../../errors';
import { buildTemplate } from '../../import/template';
import { granted } from '../access';
import {
  getLatestReport,
  getReportVersion,
  listEvents,
  listReportMonths,
  listVersions,
  scopeToViewer,
} from './read-reports';
import { assertReportable } from './report-scope';

/**
 * The report months of the departments the viewer may list, filtered by status (comma-separated). A county
 * user sees every department's months with the figures of its own row only: its total and its warnings.
 */
export async function listReportMonthsFor(
  deps: Deps,
  viewer: SessionUser,
  q: { department?: string; status?: string },
): Promise<ReportMonth[]> {
  const reporting = deps.catalogue.departments.filter((d) => d.owesReports).map((d) => d.code);
  const departments = granted(reportListDepartments(viewer, q.department, reporting));
  if (departments.some((d) => !reporting.includes(d))) throw notFound('未知的责任单位');
  const statuses = q.status?.split(',');
  const months = (await listReportMonths(deps, departments)).filter((m) => !statuses || statuses.includes(m.status));
  if (visibleCounty(viewer) === null) return months;
  const own: ReportMonth[] = [];
  for (const m of months) own.push(await ownRowOf(deps, viewer, m));
  return own;
}

async function ownRowOf(deps: Deps, viewer: SessionUser, m: ReportMonth): Promise<ReportMonth> {
  if (m.version === null) return m;
  const latest = await getLatestReport(deps, m.department, m.month);
  if (!latest) return m;
  const own = scopeToViewer(latest, viewer);
  return { ...m, total: own.totals.T ?? null, warnings: own.warnings.length };
}

export async function readLatestReport(
  deps: Deps,
  viewer: SessionUser,
  department: string,
  month: string,
): Promise<ReportVersion> {
  assertReportable(deps, viewer, department, month, 'read');
  const report = await getLatestReport(deps, department, month);
  if (!report) throw notFound(`${month} 尚未报送`);
  return scopeToViewer(report, viewer);
}

function assertVersionsReadable(deps: Deps, viewer: SessionUser, department: string, month: string): void {
  assertReportable(deps, viewer, department, month, 'read');
  if (!canReadVersions(viewer, department)) throw forbidden('县区用户只能查看本县区数据');
}

/** Version history is refused to county users: see `canReadVersions`. */
export function readVersions(
  deps: Deps,
  viewer: SessionUser,
  department: string,
  month: string,
): Promise<VersionSummary[]> {
  assertVersionsReadable(deps, viewer, department, month);
  return listVersions(deps, department, month);
}

/** One version by number; refused to county users like the history it comes from. */
export function readReportVersion(
  deps: Deps,
  viewer: SessionUser,
  r: { department: string; month: string; version: number },
): Promise<ReportVersion> {
  assertVersionsReadable(deps, viewer, r.department, r.month);
  return getReportVersion(deps, r.department, r.month, r.version);
}

export function readEvents(deps: Deps, viewer: SessionUser, department: string, month: string): Promise<ReportEvent[]> {
  assertReportable(deps, viewer, department, month, 'read');
  return listEvents(deps, department, month);
}

/** The .xlsx template of a report, filled with its latest figures. */
export async function readTemplate(
  deps: Deps,
  viewer: SessionUser,
  department: string,
  month: string,
): Promise<Uint8Array<ArrayBuffer>> {
  assertReportable(deps, viewer, department, month, 'read');
  const latest = await getLatestReport(deps, department, month);
  return new Uint8Array(await buildTemplate({ catalogue: deps.catalogue, department, month, rows: latest?.rows }));
}
