import type { Breakdown, BreakdownQuery } from '@lz/shared/api/progress';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../api-client';
import { queryKeys } from '../query-keys';

export const breakdownQuery = (p: BreakdownQuery) =>
  queryOptions({
    queryKey: queryKeys.progress.breakdown(p),
    queryFn: ({ signal }) => apiFetch<Breakdown>('/progress/breakdown', { params: { ...p }, signal }),
  });

export function useBreakdown(p: BreakdownQuery, enabled = true) {
  return useQuery({ ...breakdownQuery(p), enabled });
}
