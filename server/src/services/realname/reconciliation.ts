/**
 * GET /api/reconciliation: a department's month as its rosters add up and as its report (the version in
 * force on `asOf`, from the read model's as-of cube) states it, per county × roster-covered indicator.
 */
import { scopeReconciliation } from '@lz/shared/access-policy';
import type { Contribution, Reconciliation, ReconciliationSummaryRow } from '@lz/shared/api/rosters';
import type { SessionUser } from '@lz/shared/api/session';
import type { ReportRow } from '@lz/shared/report-body';
import { activeContributions, activeContributionsOfMonth } from '../../db/roster-store';
import type { Deps } from '../../deps';
import { badRequest } from '../../errors';
import { reconcile } from '../../realname/reconcile';
import { granted } from '../access';
import { resolveAsOf } from '../progress/as-of';
import { getFactCube } from '../progress/fact-cube';

export async function getReconciliation(
  deps: Deps,
  viewer: SessionUser,
  q: { department?: string; month?: string; asOf?: string },
): Promise<Reconciliation> {
  const { department, month, asOf } = granted(scopeReconciliation(viewer, q));
  if (!department || !month) throw badRequest('请指定责任单位（department）和月份（month）');
  if (!deps.catalogue.departments.some((d) => d.code === department))
    throw badRequest(`未知的责任单位 ${department}`, 'unknown_department');
  const rosters = (await activeContributions(deps.db, department, month)).map(toContribution);
  await deps.figures.store();
  const cube = getFactCube(deps, resolveAsOf(deps, asOf).asOf);
  return reconcile({
    department,
    month,
    rosters,
    reported: reportedRows(cube, department, month),
    counties: counties(deps),
  });
}

/**
 * GET /api/reconciliation/summary: the department × month summary of every department owing reports that the
 * viewer may see, from one query over the month's rosters and one as-of cube (the page asked once per
 * department before).
 */
export async function getReconciliationSummary(
  deps: Deps,
  viewer: SessionUser,
  q: { month: string; asOf?: string },
): Promise<ReconciliationSummaryRow[]> {
  const scoped = granted(scopeReconciliation(viewer, { ...q, department: undefined as string | undefined }));
  const departments = deps.catalogue.departments
    .filter((d) => d.owesReports && (scoped.department === undefined || d.code === scoped.department))
    .map((d) => d.code);
  const byDepartment = new Map<string, Contribution[]>();
  for (const r of await activeContributionsOfMonth(deps.db, q.month)) {
    byDepartment.set(r.department, [...(byDepartment.get(r.department) ?? []), toContribution(r)]);
  }
  await deps.figures.store();
  const cube = getFactCube(deps, resolveAsOf(deps, q.asOf).asOf);
  return departments.map((department) => {
    const rosters = byDepartment.get(department) ?? [];
    const reported = reportedRows(cube, department, q.month);
    const { summary } = reconcile({ department, month: q.month, rosters, reported, counties: counties(deps) });
    return { department, month: q.month, rosterCount: rosters.length, ...summary };
  });
}

const counties = (deps: Deps) => deps.catalogue.units.map((u) => u.code);

function toContribution(r: { county: string; month: string; contribution: string }): Contribution {
  return { month: r.month, county: r.county, values: JSON.parse(r.contribution) as Record<string, number> };
}

/** The report's rows in force in the cube, or null when the department filed none for the month. */
function reportedRows(cube: ReturnType<typeof getFactCube>, department: string, month: string): ReportRow[] | null {
  const di = cube.departments.indexOf(department);
  const mi = cube.months.indexOf(month);
  const inForce = di >= 0 && mi >= 0 ? cube.inForce[di * cube.months.length + mi] : null;
  if (!inForce) return null;
  return cube.counties.map((county, ci) => ({
    county,
    values: Object.fromEntries(cube.indicators.map((code, ii) => [code, cube.at(ii, di, ci, mi)])),
  }));
}
