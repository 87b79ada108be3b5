import type { ReportVersion } from '@lz/shared/api/reports';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiRequestError, apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The latest version, or null while the month has not been submitted (the API's 404). */
export const reportQuery = (department: string, month: string) =>
  queryOptions({
    queryKey: queryKeys.reports.latest(department, month),
    queryFn: async ({ signal }) => {
      try {
        return await apiFetch<ReportVersion>(`/reports/${encodeURIComponent(department)}/${month}`, { signal });
      } catch (e) {
        if (e instanceof ApiRequestError && e.status === 404 && e.code === 'not_found') return null;
        throw e;
      }
    },
  });

export function useReport(department: string, month: string) {
  return useQuery(reportQuery(department, month));
}
