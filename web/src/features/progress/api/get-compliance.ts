import type { Compliance } from '@lz/shared/api/progress';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

export const complianceQuery = (asOf?: string) =>
  queryOptions({
    queryKey: ['progress', 'compliance', { asOf }],
    queryFn: ({ signal }) => apiFetch<Compliance>('/compliance', { params: { asOf }, signal }),
  });

export function useCompliance(asOf?: string, enabled = true) {
  return useQuery({ ...complianceQuery(asOf), enabled });
}
