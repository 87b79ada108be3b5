import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { RosterDetail, RosterPage } from './answers';

export interface RosterListParams {
  department?: string;
  month?: string;
  county?: string;
  page: number;
}

export const ROSTER_PAGE_SIZE = 50;

export function useRosters(p: RosterListParams) {
  return useQuery({
    ...queryOptions({
      queryKey: queryKeys.realname.rosters(p),
      queryFn: ({ signal }) =>
        apiFetch<RosterPage>('/rosters', { params: { ...p, pageSize: ROSTER_PAGE_SIZE }, signal }),
    }),
    // Paging keeps the last page on screen until the next one arrives.
    placeholderData: keepPreviousData,
  });
}

export function useRoster(id: string) {
  return useQuery({
    queryKey: queryKeys.realname.roster(id),
    queryFn: ({ signal }) => apiFetch<RosterDetail>(`/rosters/${encodeURIComponent(id)}`, { signal }),
  });
}
