/**
 * GET /api/reconciliation for one department × month: per county × indicator the roster-derived figure, the
 * reported one and their difference. Shared by the 花名册核对 page and the report entry's "按花名册生成".
 */
import type { Contribution, Reconciliation } from '@lz/shared/api/rosters';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../api-client';
import { queryKeys } from '../query-keys';

export interface ReconciliationParams {
  department: string;
  month: string;
  asOf?: string;
}

export function reconciliationQuery(p: ReconciliationParams) {
  return queryOptions({
    queryKey: queryKeys.realname.reconciliation(p),
    queryFn: ({ signal }) => apiFetch<Reconciliation>('/reconciliation', { params: { ...p }, signal }),
  });
}

export function useReconciliation(p: ReconciliationParams, enabled = true) {
  return useQuery({ ...reconciliationQuery(p), enabled: enabled && p.department !== '' && p.month !== '' });
}

/**
 * The roster side of a reconciliation as contributions (`prefillFromRosters` takes them): one per county,
 * with only the figures rosters actually give (a zero roster figure is a real zero, kept).
 */
export function rosterContributions(rec: Reconciliation): Contribution[] {
  const byCounty = new Map<string, Record<string, number>>();
  for (const cell of rec.cells) {
    const values = byCounty.get(cell.county) ?? {};
    values[cell.indicator] = cell.rosters;
    byCounty.set(cell.county, values);
  }
  return [...byCounty].map(([county, values]) => ({ month: rec.month, county, values }));
}
