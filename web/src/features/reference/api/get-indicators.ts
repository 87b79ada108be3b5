import type { Indicator } from '@lz/shared/catalogue';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

/** The catalogue's columns; the route adds the group's display name. */
export type IndicatorWithGroup = Indicator & { groupName: string };

export const indicatorsQuery = queryOptions({
  queryKey: ['reference', 'indicators'],
  queryFn: () => apiFetch<IndicatorWithGroup[]>('/indicators'),
  staleTime: Infinity,
});

export function useIndicators() {
  return useQuery(indicatorsQuery);
}
