import type { ReportListQuery, ReportMonth } from '@lz/shared/api/reports';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../api-client';
import { queryKeys } from '../query-keys';

/** A department's months (workspace, drill-down) or, without a department, every reporting unit's (review queue). */
export const reportMonthsQuery = (p: ReportListQuery) =>
  queryOptions({
    queryKey: queryKeys.reports.list(p),
    queryFn: ({ signal }) => apiFetch<ReportMonth[]>('/reports', { params: { ...p }, signal }),
  });

export function useReportMonths(p: ReportListQuery, enabled = true) {
  return useQuery({ ...reportMonthsQuery(p), enabled });
}
