import type { AcceptBatch, AcceptBatchResult } from '@lz/shared/api/reports';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { invalidateAfterReportChange } from '../../../lib/reports/invalidate-report';

/** Accepts several reports at the versions shown; all or nothing (409 lists every one that changed). */
export function acceptReports(items: AcceptBatch['items']): Promise<AcceptBatchResult> {
  return apiFetch<AcceptBatchResult>('/reports/accept', { method: 'POST', body: { items } });
}

export function useAcceptReports() {
  const client = useQueryClient();
  return useMutation({ mutationFn: acceptReports, onSettled: () => invalidateAfterReportChange(client) });
}
