import type { AllocationQuery, AllocationView } from '@lz/shared/api/progress';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Without a department: the target split among departments; with one: that department's split among counties. */
export const allocationsQuery = (p: AllocationQuery) =>
  queryOptions({
    queryKey: queryKeys.allocations.view(p),
    queryFn: ({ signal }) => apiFetch<AllocationView>('/allocations', { params: { ...p }, signal }),
  });

export function useAllocations(target: string, department?: string) {
  return useQuery(allocationsQuery({ target, department }));
}
