import type { VersionSummary } from '@lz/shared/api/reports';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const versionsQuery = (department: string, month: string) =>
  queryOptions({
    queryKey: queryKeys.reports.versions(department, month),
    queryFn: ({ signal }) =>
      apiFetch<VersionSummary[]>(`/reports/${encodeURIComponent(department)}/${month}/versions`, { signal }),
  });

export function useVersions(department: string, month: string, enabled = true) {
  return useQuery({ ...versionsQuery(department, month), enabled });
}
