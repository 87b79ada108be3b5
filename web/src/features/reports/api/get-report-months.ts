import type { ReportMonth } from '@lz/shared/api/reports';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

export interface ReportMonthsParams {
  department?: string;
  /** Comma-separated statuses, e.g. "submitted". */
  status?: string;
}

/** A department's months (workspace) or, without a department, every reporting unit's (review queue). */
export const reportMonthsQuery = (p: ReportMonthsParams) =>
  queryOptions({
    queryKey: ['reports', 'list', p],
    queryFn: ({ signal }) => apiFetch<ReportMonth[]>('/reports', { params: { ...p }, signal }),
  });

export function useReportMonths(p: ReportMonthsParams, enabled = true) {
  return useQuery({ ...reportMonthsQuery(p), enabled });
}
