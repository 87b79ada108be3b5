/**
 * The tracking reads the API serves, narrowed for the signed-in viewer by the shared access policy:
 * a reporter sees its own department and the city, a county user its own county and the city.
 */
import {
  allocationDepartment,
  canReadFigures,
  scopeBreakdown,
  scopeFigures,
  visibleDepartment,
} from '@lz/shared/access-policy';
import type { AllocationView, Breakdown, Compliance, Ratios, Series } from '@lz/shared/api/progress';
import type { SessionUser } from '@lz/shared/api/session';
import type { Deps } from '../../deps';
import { granted } from '../access';
import { getAllocations } from './allocations';
import { type BreakdownQuery, getBreakdown } from './get-breakdown';
import { type ComplianceQuery, getCompliance } from './get-compliance';
import { getRatios } from './get-ratios';
import { getSeries } from './get-series';

export function getBreakdownFor(deps: Deps, viewer: SessionUser, q: BreakdownQuery): Promise<Breakdown> {
  return getBreakdown(deps, granted(scopeBreakdown(viewer, q)));
}

export function getSeriesFor(deps: Deps, viewer: SessionUser, q: Parameters<typeof getSeries>[1]): Promise<Series> {
  return getSeries(deps, granted(scopeFigures(viewer, q)));
}

/** The city's ratios for everyone; county rows (the lead department's stock figures) as the policy allows. */
export async function getRatiosFor(deps: Deps, viewer: SessionUser, asOf?: string): Promise<Ratios> {
  const ratios = await getRatios(deps, asOf);
  const department = deps.catalogue.campaign.stockReporter;
  const counties = ratios.counties.filter((x) => canReadFigures(viewer, { department, county: x.code }));
  // A viewer who sees every county gets the shared answer itself, serialised once for all (http/shared-json.ts).
  return counties.length === ratios.counties.length ? ratios : { ...ratios, counties };
}

export function getComplianceFor(deps: Deps, viewer: SessionUser, q: ComplianceQuery): Promise<Compliance> {
  const own = visibleDepartment(viewer);
  return getCompliance(deps, { ...q, departments: own === null ? undefined : [own] });
}

/** A target's split: the one named, else the viewer's own (see `allocationDepartment`); refused outside it. */
export function getAllocationsFor(
  deps: Deps,
  viewer: SessionUser,
  q: { target: string; department?: string },
): Promise<AllocationView> {
  return getAllocations(deps, q.target, allocationDepartment(viewer, q.department), viewer);
}
