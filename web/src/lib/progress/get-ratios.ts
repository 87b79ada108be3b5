import type { AsOfQuery, Ratios } from '@lz/shared/api/progress';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../api-client';
import { queryKeys } from '../query-keys';

export const ratiosQuery = (p: AsOfQuery) =>
  queryOptions({
    queryKey: queryKeys.progress.ratios(p),
    queryFn: ({ signal }) => apiFetch<Ratios>('/ratios', { params: { ...p }, signal }),
  });

export function useRatios(asOf?: string) {
  return useQuery(ratiosQuery({ asOf }));
}
