import type { ReportEvent } from '@lz/shared/api/reports';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const eventsQuery = (department: string, month: string) =>
  queryOptions({
    queryKey: queryKeys.reports.events(department, month),
    queryFn: ({ signal }) =>
      apiFetch<ReportEvent[]>(`/reports/${encodeURIComponent(department)}/${month}/events`, { signal }),
  });

export function useEvents(department: string, month: string) {
  return useQuery(eventsQuery(department, month));
}
