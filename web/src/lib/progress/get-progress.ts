import type { AsOfQuery, Progress } from '@lz/shared/api/progress';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../api-client';
import { queryKeys } from '../query-keys';

export const progressQuery = (p: AsOfQuery) =>
  queryOptions({
    queryKey: queryKeys.progress.summary(p),
    queryFn: ({ signal }) => apiFetch<Progress>('/progress', { params: { ...p }, signal }),
  });

export function useProgress(asOf?: string) {
  return useQuery(progressQuery({ asOf }));
}
