import type { Progress } from '@lz/shared/api/progress';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

export const progressQuery = (asOf?: string) =>
  queryOptions({
    queryKey: ['progress', { asOf }],
    queryFn: ({ signal }) => apiFetch<Progress>('/progress', { params: { asOf }, signal }),
  });

export function useProgress(asOf?: string) {
  return useQuery(progressQuery(asOf));
}
