import type { Compliance, ComplianceQuery } from '@lz/shared/api/progress';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../api-client';
import { queryKeys } from '../query-keys';

export const complianceQuery = (p: ComplianceQuery) =>
  queryOptions({
    queryKey: queryKeys.progress.compliance(p),
    queryFn: ({ signal }) => apiFetch<Compliance>('/compliance', { params: { ...p }, signal }),
  });

/** `year` narrows the rates (not the matrix) to that calendar year. */
export function useCompliance(asOf?: string, enabled = true, year?: string) {
  const range = year ? { from: `${year}-01`, to: `${year}-12` } : {};
  return useQuery({ ...complianceQuery({ asOf, ...range }), enabled });
}
