/** GET /api/reconciliation/summary: every department the viewer may see for one month, in one call. */
import type { ReconciliationSummaryRow } from '@lz/shared/api/rosters';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

function reconciliationSummaryQuery(p: { month: string; asOf?: string }) {
  return queryOptions({
    queryKey: queryKeys.realname.reconciliationSummary(p),
    queryFn: ({ signal }) =>
      apiFetch<ReconciliationSummaryRow[]>('/reconciliation/summary', { params: { ...p }, signal }),
  });
}

export function useReconciliationSummary(p: { month: string; asOf?: string }) {
  return useQuery({ ...reconciliationSummaryQuery(p), enabled: p.month !== '' });
}
