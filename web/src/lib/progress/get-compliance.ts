import type { AsOfQuery, Compliance } from '@lz/shared/api/progress';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../api-client';
import { queryKeys } from '../query-keys';

export const complianceQuery = (p: AsOfQuery) =>
  queryOptions({
    queryKey: queryKeys.progress.compliance(p),
    queryFn: ({ signal }) => apiFetch<Compliance>('/compliance', { params: { ...p }, signal }),
  });

export function useCompliance(asOf?: string, enabled = true) {
  return useQuery({ ...complianceQuery({ asOf }), enabled });
}
