import type { Series, SeriesQuery } from '@lz/shared/api/progress';
import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../api-client';
import { queryKeys } from '../query-keys';

export const seriesQuery = (p: SeriesQuery) =>
  queryOptions({
    queryKey: queryKeys.progress.series(p),
    queryFn: ({ signal }) => apiFetch<Series>('/series', { params: { ...p }, signal }),
  });

export function useSeries(p: SeriesQuery, enabled = true) {
  return useQuery({ ...seriesQuery(p), enabled });
}

/** One series per county (the heatmap's rows); one request each, cached like any other series. */
export function useCountySeries(counties: string[], p: Omit<SeriesQuery, 'county'>, enabled = true) {
  return useQueries({
    queries: counties.map((county) => ({ ...seriesQuery({ ...p, county }), enabled })),
    combine: (results) => ({
      data: results.length > 0 && results.every((r) => r.data) ? results.map((r) => r.data as Series) : undefined,
      isPending: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
      refetch: () => {
        for (const r of results) r.refetch();
      },
    }),
  });
}
