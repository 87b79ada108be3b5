import type { ReportVersion } from '@lz/shared/api/reports';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { invalidateAfterReportChange } from './invalidate-report';

export type ReviewVerb = 'accept' | 'return' | 'unlock';

export interface ReviewInput {
  department: string;
  month: string;
  verb: ReviewVerb;
  /** Required for return and unlock. */
  reason?: string;
}

export function reviewReport({ department, month, verb, reason }: ReviewInput): Promise<ReportVersion> {
  return apiFetch<ReportVersion>(`/reports/${encodeURIComponent(department)}/${month}/${verb}`, { method: 'POST', body: verb === 'accept' ? {} : { reason } });
}

export function useReviewReport() {
  const client = useQueryClient();
  return useMutation({ mutationFn: reviewReport, onSuccess: () => invalidateAfterReportChange(client) });
}
