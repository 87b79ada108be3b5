import type { ReportVersion } from '@lz/shared/api/reports';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const reportVersionQuery = (department: string, month: string, version: number) =>
  queryOptions({
    queryKey: queryKeys.reports.version(department, month, version),
    queryFn: ({ signal }) =>
      apiFetch<ReportVersion>(`/reports/${encodeURIComponent(department)}/${month}/versions/${version}`, { signal }),
    // A stored version never changes.
    staleTime: Infinity,
  });

export function useReportVersion(department: string, month: string, version: number | null) {
  return useQuery({ ...reportVersionQuery(department, month, version ?? 0), enabled: version !== null && version > 0 });
}
