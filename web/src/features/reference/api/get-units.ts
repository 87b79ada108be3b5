import type { Unit } from '@lz/shared/catalogue';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

export const unitsQuery = queryOptions({
  queryKey: ['reference', 'units'],
  queryFn: () => apiFetch<Unit[]>('/units'),
  staleTime: Infinity,
});

export function useUnits() {
  return useQuery(unitsQuery);
}
