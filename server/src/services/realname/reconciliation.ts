/**
 * GET /api/reconciliation: a department's month as its rosters add up and as its report (the version in
 * force on `asOf`, from the read model's as-of cube) states it, per county × roster-covered indicator.
 */
import { scopeReconciliation } from '@lz/shared/access-policy';
import type { Contribution, Reconciliation } from '@lz/shared/api/rosters';
import type { SessionUser } from '@lz/shared/api/session';
import type { ReportRow } from '@lz/shared/report-body';
import { activeContributions } from '../../db/roster-store';
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
  const rosters: Contribution[] = (await activeContributions(deps.db, department, month)).map((r) => ({
    month: r.month,
    county: r.county,
    values: JSON.parse(r.contribution) as Record<string, number>,
  }));
  await deps.figures.store();
  const cube = getFactCube(deps, resolveAsOf(deps, asOf).asOf);
  const di = cube.departments.indexOf(department);
  const mi = cube.months.indexOf(month);
  const inForce = di >= 0 && mi >= 0 ? cube.inForce[di * cube.months.length + mi] : null;
  const reported: ReportRow[] | null = inForce
    ? cube.counties.map((county, ci) => ({
        county,
        values: Object.fromEntries(cube.indicators.map((code, ii) => [code, cube.at(ii, di, ci, mi)])),
      }))
    : null;
  return reconcile({
    department,
    month,
    rosters,
    reported,
    counties: deps.catalogue.units.map((u) => u.code),
  });
}
