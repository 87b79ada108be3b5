import type { Target } from '@lz/shared/catalogue';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

export const targetsQuery = queryOptions({
  queryKey: ['reference', 'targets'],
  queryFn: () => apiFetch<Target[]>('/targets'),
  staleTime: Infinity,
});

export function useTargets() {
  return useQuery(targetsQuery);
}
