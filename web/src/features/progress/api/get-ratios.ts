import type { Ratios } from '@lz/shared/api/progress';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

export const ratiosQuery = (asOf?: string) =>
  queryOptions({
    queryKey: ['progress', 'ratios', { asOf }],
    queryFn: ({ signal }) => apiFetch<Ratios>('/ratios', { params: { asOf }, signal }),
  });

export function useRatios(asOf?: string) {
  return useQuery(ratiosQuery(asOf));
}
