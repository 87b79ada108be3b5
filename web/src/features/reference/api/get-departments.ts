import type { Department } from '@lz/shared/catalogue';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

export const departmentsQuery = queryOptions({
  queryKey: ['reference', 'departments'],
  queryFn: () => apiFetch<Department[]>('/departments'),
  staleTime: Infinity,
});

export function useDepartments() {
  return useQuery(departmentsQuery);
}
