import type { ReportVersion } from '@lz/shared/api/reports';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { invalidateAfterReportChange } from '../../../lib/reports/invalidate-report';

export type ReviewVerb = 'accept' | 'return' | 'unlock';

export interface ReviewInput {
  department: string;
  month: string;
  verb: ReviewVerb;
  /** Required for return and unlock. */
  reason?: string;
  /** The version the reviewer looked at; the server refuses (409 stale_version) when a newer one arrived. */
  version: number | null;
}

export function reviewReport({ department, month, verb, reason, version }: ReviewInput): Promise<ReportVersion> {
  const seen = version === null ? {} : { version };
  return apiFetch<ReportVersion>(`/reports/${encodeURIComponent(department)}/${month}/${verb}`, {
    method: 'POST',
    body: verb === 'accept' ? seen : { reason, ...seen },
  });
}

export function useReviewReport() {
  const client = useQueryClient();
  return useMutation({ mutationFn: reviewReport, onSuccess: () => invalidateAfterReportChange(client) });
}
