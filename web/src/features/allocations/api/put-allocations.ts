import type { AllocationView, PutAllocations } from '@lz/shared/api/progress';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function putAllocations(input: PutAllocations): Promise<AllocationView> {
  return apiFetch<AllocationView>('/allocations', { method: 'PUT', body: input });
}

export function usePutAllocations() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: putAllocations,
    // Allocations drive every completion rate and expected pace.
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.allocations.all }),
        client.invalidateQueries({ queryKey: queryKeys.progress.all }),
      ]),
  });
}
