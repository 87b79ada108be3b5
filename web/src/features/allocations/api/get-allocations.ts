import type { AllocationView } from '@lz/shared/api/progress';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

/** Without a department: the target split among departments; with one: that department's split among counties. */
export const allocationsQuery = (target: string, department?: string) =>
  queryOptions({
    queryKey: ['allocations', { target, department }],
    queryFn: ({ signal }) => apiFetch<AllocationView>('/allocations', { params: { target, department }, signal }),
  });

export function useAllocations(target: string, department?: string) {
  return useQuery(allocationsQuery(target, department));
}
