import type { Breakdown } from '@lz/shared/api/progress';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

export interface BreakdownParams {
  by: 'county' | 'department';
  indicator?: string;
  department?: string;
  county?: string;
  asOf?: string;
}

export const breakdownQuery = (p: BreakdownParams) =>
  queryOptions({
    queryKey: ['progress', 'breakdown', p],
    queryFn: ({ signal }) => apiFetch<Breakdown>('/progress/breakdown', { params: { ...p }, signal }),
  });

export function useBreakdown(p: BreakdownParams, enabled = true) {
  return useQuery({ ...breakdownQuery(p), enabled });
}
